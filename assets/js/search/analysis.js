// Analysis: a port of the index's analyzer (Lucene's EnglishAnalyzer, numbers, vocabulary), giving the same terms (src/test/js/analysis.test.mjs).

/** The 33 stop words of Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET. */
export const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was',
  'will', 'with',
]);

const SPLIT_SINGLE = /[\p{Script=Han}\p{Script=Hiragana}]/u;
// Lucene keeps a run of Thai, Lao, Myanmar or Khmer as one token; ICU splits it with a dictionary.
// Lucene's StandardTokenizer emits emoji (sequences) as tokens; Intl.Segmenter marks them not word-like.
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;
const EMOJI_RUN = /\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
const W = '[\\p{L}\\p{Nl}\\p{Nd}\\p{M}_]';
const SE_ASIAN = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]+$/u;

let segmenter = null;
let segmenterOf = null;

/**
 * Splits text into word tokens like Lucene's StandardTokenizer: [{text, start, end}] (UTF-16 offsets).
 * Uses Intl.Segmenter (UAX#29 word boundaries); Han and Hiragana become one token per character.
 */
export function tokenize(text) {
  const out = [];
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    if (!segmenter || segmenterOf !== Intl.Segmenter) {
      segmenterOf = Intl.Segmenter;
      segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    }
    const seg = segmenter;
    for (const s of seg.segment(text)) {
      if (!s.isWordLike && !EMOJI.test(s.segment)) continue;
      const prev = out[out.length - 1];
      if (prev && prev.end === s.index && SE_ASIAN.test(prev.text) && SE_ASIAN.test(s.segment)) {
        prev.text += s.segment;
        prev.end += s.segment.length;
        continue;
      }
      pushToken(out, s.segment, s.index);
    }
  } else {
    // Fallback: letters/digits joined by in-word punctuation (MidLetter/MidNum/MidNumLet).
    // MidNumLet joins letters or digits; MidLetter only letters; MidNum only digits (UAX#29 WB6-7, WB11-12).
    const re = new RegExp(`${W}+(?:(?:[.'’\\uFF0E\\uFF07]|(?<=\\p{L})[:\\u00B7\\u2027\\uFE13\\uFE55\\uFF1A](?=\\p{L})`
      + `|(?<=\\p{Nd})[,;\\u066C\\u2044\\uFE10\\uFE14\\uFE50\\uFE54\\uFF0C\\uFF1B](?=\\p{Nd}))${W}+)*`, 'gu');
    const found = [...text.matchAll(re), ...text.matchAll(EMOJI_RUN)].sort((a, b) => a.index - b.index);
    for (const m of found) pushToken(out, m[0], m.index);
  }
  return out;
}

function pushToken(out, segment, index) {
  if (SPLIT_SINGLE.test(segment)) {
    let run = '';
    let runStart = index;
    let off = index;
    for (const ch of segment) {
      if (SPLIT_SINGLE.test(ch)) {
        if (run) out.push({ text: run, start: runStart, end: off });
        out.push({ text: ch, start: off, end: off + ch.length });
        run = '';
        runStart = off + ch.length;
      } else {
        run += ch;
      }
      off += ch.length;
    }
    if (run) out.push({ text: run, start: runStart, end: off });
    return;
  }
  out.push({ text: segment, start: index, end: index + segment.length });
}

/** EnglishPossessiveFilter: strips a trailing 's, ’s or ＇s (either case of s). */
export function stripPossessive(t) {
  const n = t.length;
  if (n >= 2 && (t[n - 1] === 's' || t[n - 1] === 'S')) {
    const q = t[n - 2];
    if (q === "'" || q === '\u2019' || q === '\uFF07') return t.slice(0, n - 2);
  }
  return t;
}

const ASCII = /^[\x00-\x7f]*$/;

/** LowerCaseFilter: Java's Character.toLowerCase per code point (no context-dependent rules). */
export function lowerCase(t) {
  if (ASCII.test(t)) return t.toLowerCase();
  let out = '';
  for (const ch of t) {
    if (ch === '\u0130') { out += 'i'; continue; }
    const l = ch.toLowerCase();
    out += [...l].length === 1 ? l : ch;
  }
  return out;
}

/** Lucene's PorterStemmer (the original 1980 algorithm, release 3) on a lower-cased word. */
export function porterStem(word) {
  const b = word.split('');
  let k = b.length - 1;
  const k0 = 0;
  let j = 0;
  if (k <= k0 + 1) return word;

  const cons = (i) => {
    switch (b[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u': return false;
      case 'y': return i === k0 ? true : !cons(i - 1);
      default: return true;
    }
  };
  const m = () => {
    let n = 0;
    let i = k0;
    for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
    i++;
    for (;;) {
      for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
      i++; n++;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
    }
  };
  const vowelinstem = () => { for (let i = k0; i <= j; i++) if (!cons(i)) return true; return false; };
  const doublec = (jj) => jj >= k0 + 1 && b[jj] === b[jj - 1] && cons(jj);
  const cvc = (i) => {
    if (i < k0 + 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    const ch = b[i];
    return !(ch === 'w' || ch === 'x' || ch === 'y');
  };
  const ends = (s) => {
    const l = s.length;
    const o = k - l + 1;
    if (o < k0) return false;
    for (let i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
    j = k - l;
    return true;
  };
  const setto = (s) => { const o = j + 1; for (let i = 0; i < s.length; i++) b[o + i] = s[i]; k = j + s.length; };
  const r = (s) => { if (m() > 0) setto(s); };

  // step1: plurals, -ed, -ing
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setto('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelinstem()) {
    k = j;
    if (ends('at')) setto('ate');
    else if (ends('bl')) setto('ble');
    else if (ends('iz')) setto('ize');
    else if (doublec(k)) {
      const ch = b[k--];
      if (ch === 'l' || ch === 's' || ch === 'z') k++;
    } else if (m() === 1 && cvc(k)) setto('e');
  }
  // step2: y -> i
  if (ends('y') && vowelinstem()) b[k] = 'i';
  // step3: double suffixes
  if (k !== k0) {
    const rules3 = {
      a: [['ational', 'ate'], ['tional', 'tion']],
      c: [['enci', 'ence'], ['anci', 'ance']],
      e: [['izer', 'ize']],
      l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
      o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
      s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
      t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
      g: [['logi', 'log']],
    }[b[k - 1]];
    if (rules3) for (const [suf, rep] of rules3) if (ends(suf)) { r(rep); break; }
  }
  // step4: -ic-, -full, -ness
  {
    const rules4 = {
      e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
      i: [['iciti', 'ic']],
      l: [['ical', 'ic'], ['ful', '']],
      s: [['ness', '']],
    }[b[k]];
    if (rules4) for (const [suf, rep] of rules4) if (ends(suf)) { r(rep); break; }
  }
  // step5: -ant, -ence etc.
  if (k !== k0) {
    let hit = false;
    switch (b[k - 1]) {
      case 'a': hit = ends('al'); break;
      case 'c': hit = ends('ance') || ends('ence'); break;
      case 'e': hit = ends('er'); break;
      case 'i': hit = ends('ic'); break;
      case 'l': hit = ends('able') || ends('ible'); break;
      case 'n': hit = ends('ant') || ends('ement') || ends('ment') || ends('ent'); break;
      case 'o':
        hit = (ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) || ends('ou');
        break;
      case 's': hit = ends('ism'); break;
      case 't': hit = ends('ate') || ends('iti'); break;
      case 'u': hit = ends('ous'); break;
      case 'v': hit = ends('ive'); break;
      case 'z': hit = ends('ize'); break;
      default: hit = false;
    }
    if (hit && m() > 1) k = j;
  }
  // step6: final -e, -ll
  j = k;
  if (b[k] === 'e') {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === 'l' && doublec(k) && m() > 1) k--;
  return b.slice(0, k + 1).join('');
}

/** Memo of porterStem (the stemmer is pure; words repeat a lot). */
const STEMS = new Map();

// Numbers (org.evidencearchive.search.NumberFilter): "1,100" is 1100, "1 100" is 1100, a '%' is the word "percent",
// "£12k" is 12000, "fifteen" is 15.
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const HEAD = /^\d{1,3}$/;
const GROUP = /^\d{3}(?:\.\d+)?$/;
const GROUP_SPACES = ' \u00A0\u202F\u2009';
const SCALED = /^(\d+(?:\.\d+)?)(k|m|bn)$/;
/** Numbers readers spell out, two to twenty and the tens, as digits (NumberFilter.SPELLED). */
const SPELLED = new Map(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, String(i < 18 ? i + 2 : (i - 16) * 10)]));

/** The text with its spelled-out numbers as digits ("fifteen addicts" → "15 addicts"), for readers of numbers. */
export function spelledAsDigits(text) {
  return text.replace(/\p{L}+/gu, (w) => SPELLED.get(w.toLowerCase()) ?? w);
}

/**
 * A number with a magnitude letter in plain digits: "12", "k" is 12000, "1.25", "m" 1250000, "2", "bn" 2000000000
 * (NumberFilter.scaled: decimal digits moved, no float).
 */
export function scaled(number, letter) {
  const [int, dec = ''] = number.split('.');
  const shift = letter === 'k' ? 3 : letter === 'm' ? 6 : 9;
  const frac = dec.padEnd(shift, '0');
  const whole = (int + frac.slice(0, shift)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(shift).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

function percents(text, from, to, out) {
  for (let k = from; k < Math.min(to, text.length); k++) {
    if (text[k] === '%') out.push({ text: 'percent', start: k, end: k + 1 });
  }
}

/** NumberFilter on lower-cased tokens [{text, start, end}] of text: returns the tokens as the index has them. */
export function numberStep(toks, text) {
  const out = [];
  let prevEnd = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    percents(text, prevEnd, t.start, out);
    let v = t.text;
    let end = t.end;
    const m = SCALED.exec(v);
    if (SPELLED.has(v)) v = SPELLED.get(v);
    else if (m) v = scaled(m[1], m[2]);
    else if (GROUPED.test(v)) v = v.replaceAll(',', '');
    else if (HEAD.test(v)) {
      while (i + 1 < toks.length && GROUP.test(toks[i + 1].text) && toks[i + 1].start === end + 1
        && end < text.length && GROUP_SPACES.includes(text[end])) {
        v += toks[++i].text;
        end = toks[i].end;
        if (v.includes('.')) break;
      }
    }
    out.push({ text: v, start: t.start, end });
    prevEnd = end;
  }
  if (toks.length) percents(text, prevEnd, text.length, out);
  return out;
}

const RULES = new WeakMap();

/** The manifest's vocabulary ([[terms joined by ' ', group term], ...]) by first term, longest first. */
function rulesOf(vocabulary) {
  let rules = RULES.get(vocabulary);
  if (!rules) {
    rules = new Map();
    for (const [input, output] of vocabulary) {
      const terms = input.split(' ');
      if (!rules.has(terms[0])) rules.set(terms[0], []);
      rules.get(terms[0]).push({ terms, output });
    }
    for (const list of rules.values()) list.sort((a, b) => b.terms.length - a.terms.length);
    RULES.set(vocabulary, rules);
  }
  return rules;
}

/**
 * SynonymGraphFilter, originals kept: the group term (`syn`: tokens covered) before the longest name, then the name;
 * as in Lucene a name starts one position after the token before it and its tokens take consecutive positions.
 */
export function applyVocabulary(toks, vocabulary) {
  if (!vocabulary || !vocabulary.length) return toks;
  const rules = rulesOf(vocabulary);
  const out = [];
  let shift = 0;
  let last = -1;
  for (let i = 0; i < toks.length;) {
    const cands = rules.get(toks[i].term);
    const hit = cands && cands.find((r) => i + r.terms.length <= toks.length
      && r.terms.every((term, k) => toks[i + k].term === term));
    if (!hit) {
      const t = toks[i++];
      last = t.position - shift;
      out.push(shift ? { ...t, position: last } : t);
      continue;
    }
    const n = hit.terms.length;
    const start = last + 1;
    out.push({ term: hit.output, position: start, start: toks[i].start, end: toks[i + n - 1].end, surface: hit.output, syn: n });
    for (let k = 0; k < n; k++) out.push({ ...toks[i + k], position: start + k });
    last = start + n - 1;
    shift = toks[i + n - 1].position - last;
    i += n;
  }
  return out;
}

/**
 * Runs the index's analysis chain: StandardTokenizer (UAX#29 via Intl.Segmenter) -> EnglishPossessiveFilter ->
 * LowerCaseFilter -> NumberFilter (numberStep) -> StopFilter (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) ->
 * PorterStemFilter -> SynonymGraphFilter with the vocabulary (applyVocabulary; `vocabulary` is the manifest's, none when omitted). Returns
 * [{term, position, start, end, surface, syn?}] where position counts removed stop words (like Lucene's position
 * increments) and start/end are offsets into text.
 */
export function analyze(text, vocabulary = null) {
  const out = [];
  let position = -1;
  const lowered = tokenize(text).map((tok) => ({ text: lowerCase(stripPossessive(tok.text)), start: tok.start, end: tok.end }));
  for (const tok of numberStep(lowered, text)) {
    position++;
    const lower = tok.text;
    if (STOP_WORDS.has(lower)) continue;
    let term = STEMS.get(lower);
    if (term === undefined) {
      if (STEMS.size > 50_000) STEMS.clear();
      term = porterStem(lower);
      STEMS.set(lower, term);
    }
    out.push({ term, position, start: tok.start, end: tok.end, surface: lower });
  }
  return applyVocabulary(out, vocabulary);
}

/** Returns just the terms EnglishAnalyzer would index for the text. */
export function analyzeTerms(text, vocabulary = null) {
  return analyze(text, vocabulary).map((t) => t.term);
}
