<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<section class="intro home-intro">
  <h1>${site.title}</h1>
  <p class="lede">${site.description}</p>
  <form class="search-box search-box--large" role="search" action="/search/" method="get">
    <label for="home-search">Search the archive</label>
    <input id="home-search" name="q" type="search">
    <button type="submit">Search</button>
  </form>
</section>
<section aria-labelledby="questions-heading">
  <h2 id="questions-heading">What do the sources say about…</h2>
  <ul class="cards topic-cards question-cards">
  <#list topics as t>
    <li><a class="question" href="${t.url}">${t.title}</a><span class="meta">${t.summary}</span>
      <span class="card-counts">${t.sources} source<#if t.sources != 1>s</#if> · <a href="${t.claimsUrl}">${t.claims} claim<#if t.claims != 1>s</#if></a></span></li>
  </#list>
  </ul>
</section>
<nav class="start" aria-label="Other ways in">
  <a href="/timeline/">Timeline</a> <a href="/figures/">Figures</a> <a href="/claims/">Claims by topic, kind and speaker</a> <a href="/people/">People and organisations</a>
</nav>
<section aria-labelledby="sources-heading">
  <h2 id="sources-heading">The sources (${counts.sources})</h2>
  <ul class="cards">
  <#list sources as s>
    <li><a href="${s.url}">${s.title}</a><span class="meta">${s.date}</span></li>
  </#list>
  </ul>
  <#if (counts.sources > sources?size)><p><a href="/sources/">All ${counts.sources} sources</a></p></#if>
</section>
<section aria-labelledby="how-heading">
  <h2 id="how-heading">How this archive works</h2>
  <p>Each source is archived verbatim, with numbered paragraphs and a checksum. Everything the archive says — commentary, ${counts.claims} claims, ${counts.people} people and organisations — cites the exact passage it rests on, and every quote is checked against the archived text when the site is built. <a href="/about/">About the archive, its standard and how to report an error</a>.</p>
</section>
</@l.layout>
