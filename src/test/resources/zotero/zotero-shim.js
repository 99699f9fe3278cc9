// Runs in the page (zotero.test.mjs loads it after Zotero's utilities): the parts of Zotero's translation
// framework that the Embedded Metadata and RDF translators call, and nothing of the translators themselves.
(() => {
  /** A resource of the RDF store, as rdflib's Symbol. */
  class Resource {
    constructor(uri) { this.uri = uri; this.termType = 'symbol'; }
    toNT() { return `<${this.uri}>`; }
  }

  /** The RDF store a translator reads as Zotero.RDF (the methods of Zotero.Translate.IO._RDFSandbox). */
  class RdfStore {
    constructor() { this.statements = []; this.resources = new Map(); }
    resource(about) {
      if (typeof about === 'object') return about;
      if (!this.resources.has(about)) this.resources.set(about, new Resource(about));
      return this.resources.get(about);
    }
    addStatement(about, relation, value, literal) {
      const object = literal
        ? { termType: 'literal', value: value.toString().replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, '') }
        : this.resource(value);
      this.statements.push({ subject: this.resource(about), predicate: this.resource(relation), object });
    }
    matching(s, p, o) {
      return this.statements.filter((st) => (!s || st.subject === s) && (!p || st.predicate === p) && (!o || st.object === o));
    }
    getAllResources() { return [...new Set(this.statements.map((st) => st.subject))]; }
    getResourceURI(r) { return typeof r === 'string' ? r : r.uri; }
    getTargets(r, p) {
      const found = this.matching(this.resource(r), this.resource(p));
      return found.length ? found.map((st) => (st.object.termType === 'literal' ? st.object.value : st.object)) : false;
    }
    getSources(r, p) {
      const found = this.matching(undefined, this.resource(p), this.resource(r));
      return found.length ? found.map((st) => st.subject) : false;
    }
    getArcsIn(r) {
      const found = this.matching(undefined, undefined, this.resource(r));
      return found.length ? found.map((st) => st.predicate.uri) : false;
    }
    getArcsOut(r) {
      const found = this.matching(this.resource(r));
      return found.length ? found.map((st) => st.predicate.uri) : false;
    }
    getContainerElements() { return []; }
  }

  /** Evaluates a translator's code (after its JSON header) with its Zotero object; returns its functions. */
  function load(source, env) {
    const code = source.slice(source.indexOf('\n}\n') + 3);
    const names = [...code.matchAll(/^function (\w+)/gm)].map((m) => m[1]);
    const attr = (doc, selector, name) => doc.querySelector(selector)?.getAttribute(name) ?? '';
    const text = (doc, selector) => doc.querySelector(selector)?.textContent ?? '';
    // Promise is hidden so that RDF.js imports synchronously and an error in a translator fails the test.
    const make = new Function('Zotero', 'Z', 'ZU', 'attr', 'text', 'Promise',
      `${code}\nreturn { ${names.join(', ')}, exports: typeof exports === 'undefined' ? {} : exports };`);
    return make(env, env, env.Utilities, attr, text, undefined);
  }

  class Item {
    constructor(itemType) {
      this.itemType = itemType;
      Object.assign(this, { creators: [], tags: [], notes: [], attachments: [], seeAlso: [] });
    }
  }

  /** Runs Embedded Metadata on the document; returns the saved item with the fields Zotero keeps for its type. */
  globalThis.zoteroSave = (doc, url, translators) => {
    const ZU = Object.assign(Object.create(Zotero.Utilities), {
      strToISO: (s) => Zotero.Date.strToISO(s),
      itemTypeExists: (t) => Zotero.Utilities.Item.itemTypeExists(t),
      resolveURL: (u) => new URL(u, url).href,
    });
    const items = [];
    const handlers = {};
    const handed = new WeakSet();
    const rdfEnv = { Utilities: ZU, RDF: new RdfStore(), debug() {}, setProgress() {},
      // A child translator's item goes to the handler its parent set; the parent completing it saves it.
      Item: class extends Item {
        complete() {
          if (handed.has(this)) items.push(this);
          else { handed.add(this); handlers.itemDone(null, this); }
        }
      } };
    const rdf = load(translators.rdf, rdfEnv);
    const emEnv = { Utilities: ZU, debug() {}, done() {},
      Item: class extends Item { complete() { items.push(this); } },
      loadTranslator: () => ({
        setTranslator() {},
        setHandler(name, fn) { handlers[name] = fn; },
        getTranslatorObject(callback) { callback(Object.assign(rdf.exports, { Zotero: rdfEnv })); },
      }) };
    load(translators.em, emEnv).doWeb(doc, url);
    if (items.length !== 1) throw new Error(`${items.length} items saved`);
    const item = items[0];
    // Zotero keeps the fields valid for the item's type, a base field (publicationTitle) under the type's own
    // name (a web page's websiteTitle).
    const saved = { itemType: item.itemType, creators: item.creators };
    for (const [k, v] of Object.entries(item)) {
      if (!v || !Zotero.ItemFields.getID(k)) continue;
      const field = Zotero.ItemFields.getFieldIDFromTypeAndBase(item.itemType, k) || Zotero.ItemFields.getID(k);
      if (Zotero.ItemFields.isValidForType(field, item.itemType)) saved[Zotero.ItemFields.getName(field)] = v;
    }
    return JSON.parse(JSON.stringify(saved));
  };
})();
