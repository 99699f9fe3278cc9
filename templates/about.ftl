<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#-- The About page. Its words are the archive's own and are kept here; the counts come from the archive. See README.md, "What a reader sees". -->
<@l.layout>
<article class="about prose">
<h1>About this archive</h1>
<p class="lede">${site.title} keeps its sources word for word and sets out what they say: who said what, which figures they give, and where each statement can be read in the original text.</p>

<h2 id="what">What the archive is</h2>
<p>It holds ${counts.sources} archived sources, ${counts.claims} claims, ${counts.commentary} pieces of commentary, ${counts.topics} topics and ${counts.people} people and organisations named in them. Each source is kept exactly as it was captured, with numbered paragraphs, and is not edited. Where a source does not give its outlet, date or address, the archive says so rather than guess; a date worked out from the text is shown as a range, with its reason.</p>
<p>The <a href="/topics/">topics</a> are the place to start: each gathers the figures, the positions of the people and organisations involved, and the sources on one subject. The <a href="/claims/">claims</a> can be read by topic, kind or speaker; the <a href="/commentary/">commentary</a> is our reading of each source.</p>

<h2 id="standard">The editorial standard</h2>
<ul>
<li>Claims and commentary are written in our own words and are neutral: each position is attributed to the person or organisation who took it, and the archive does not choose between them unless a cited source does.</li>
<li>An outlet's own framing, such as a headline or a summary of what others did, is attributed to the report, not to the people it describes.</li>
<li>A figure keeps the words the source puts before it ("more than", "about", "almost"), its period and its place, and is only compared with figures of the same measure.</li>
<li>Roles and titles are given in the sources' own words; nothing is added from outside knowledge.</li>
</ul>

<h2 id="checks">How claims are checked</h2>
<p>Every claim cites the exact passage it rests on. When the site is built, each quotation is found in the archived text, and the build stops if one is not there; so does it if a figure's number, its qualifier or its period is not in the quoted words, if a statement gives a number the paragraphs it cites do not, if a position is given to someone the passage does not name as speaking, or if an archived text no longer matches the checksum recorded when it was archived. These checks find mistakes of transcription and attribution; they do not say whether what a source states is true.</p>

<h2 id="cite">How to cite</h2>
<p>Every source, claim and commentary page has a "Cite this" section in four styles (APA, Chicago, Harvard and OSCOLA) with BibTeX, RIS and CSL-JSON downloads, and each paragraph of an archived source has its own address, so a citation can point to the exact passage. Cite the original where you can; the archive gives its outlet and date when they are known.</p>

<h2 id="data">Data and downloads</h2>
<p>The whole archive can be taken away and checked without this site:</p>
<ul class="downloads">
<li><a href="/data/archive.json">archive.json</a>: every source, claim, commentary, topic, person and organisation, with its topics, citations and relations (its JSON Schema: <a href="/data/archive.schema.json">archive.schema.json</a>)</li>
<li><a href="/data/claims.json">claims.json</a>: the claims with their figures, measures and cited passages</li>
<li><a href="/data/annotations.jsonld">annotations.jsonld</a>: each cited passage as a W3C Web Annotation on its source's text</li>
<li><a href="/data/sources.csl.json">sources.csl.json</a>: the sources as CSL-JSON, for reference managers</li>
<li><a href="/data/fixity.json">fixity.json</a>: the SHA-256 checksum of every archived text and of each earlier version</li>
<li><a href="/data/archive.warc.gz">archive.warc.gz</a> and <a href="/data/archive.wacz">archive.wacz</a>: the archived texts as web-archive records, for replay tools</li>
</ul>

<h2 id="errors">How to report an error</h2>
<#if site.reportErrors??>
<p><a href="${site.reportErrors}">Report an error here</a>, naming the page and the passage (each paragraph of a source has its own address). A change to an archived text is recorded on the <a href="/corrections/">Corrections</a> page with its date and reason rather than made silently.</p>
<#else>
<p>This archive has not published an address for reports of errors. Its editors correct it through its source files: a change to an archived text is recorded on the <a href="/corrections/">Corrections</a> page with its date and reason rather than made silently.</p>
</#if>
</article>
</@l.layout>
