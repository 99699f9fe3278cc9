<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<section class="intro">
  <h1>${site.title}</h1>
  <p class="lede">${site.description}</p>
  <p>How it is built: each source is archived <strong>verbatim</strong>, with numbered paragraphs and a SHA-256 checksum of the captured text. Everything the archive says — commentary, ${counts.claims} claims, ${counts.people} people and organisations — cites the exact passage it rests on, and every quote is checked against the archived text when the site is built. Where a source does not give its outlet, date or address, the archive says so rather than guess.</p>
  <form class="search-box search-box--large" role="search" action="/search/" method="get">
    <label for="home-search">Search the archive</label>
    <input id="home-search" name="q" type="search">
    <button type="submit">Search</button>
  </form>
</section>
<nav class="start" aria-label="Where to start">
  <a href="/topics/">Topics</a> <a href="/timeline/">Timeline</a> <a href="/figures/">Figures</a> <a href="/claims/">Claims</a> <a href="/search/">Search</a>
</nav>
<section aria-labelledby="topics-heading">
  <h2 id="topics-heading">Start with a topic</h2>
  <ul class="cards topic-cards">
  <#list topics as t><li><a href="${t.url}">${t.title}</a><span class="meta">${t.summary}</span></li></#list>
  </ul>
</section>
<section aria-labelledby="sources-heading">
  <h2 id="sources-heading">The sources (${counts.sources})</h2>
  <ul class="cards">
  <#list sources as s>
    <li><a href="${s.url}">${s.title}</a><span class="meta">${s.date}</span></li>
  </#list>
  </ul>
  <#if (counts.sources > sources?size)><p><a href="/sources/">All ${counts.sources} sources</a></p></#if>
</section>
</@l.layout>
