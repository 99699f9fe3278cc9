<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#assign s = source>
<@l.layout>
<article class="source">
  <header>
    <p class="kind">Archived source</p>
    <h1>${s.title}</h1>
    <#if !s.headline??><p class="note">The archived text has no headline; this title is the archive's description.</p></#if>
    <dl class="facts">
      <dt>Author</dt><dd><#if s.authors?has_content>${s.authors?join(", ")}<#else>Unknown (no byline in the text)</#if></dd>
      <dt>Outlet</dt><dd><#if s.outlet??>${s.outlet}<#else>Unknown (not recorded in the capture)</#if></dd>
      <dt>Published</dt><dd><#if s.published??>${s.published}<#else>Unknown<#if s.inferred??>; inferred ${s.inferred}. <span class="basis">Basis: ${s.inferredBasis}</span></#if></#if></dd>
      <dt>Original URL</dt><dd><#if s.originalUrl??><a href="${s.originalUrl}">${s.originalUrl}</a><#else>Unknown</#if></dd>
      <#if s.provenance??><dt>Provenance</dt><dd>${s.provenance}</dd></#if>
      <dt>Archived text</dt><dd><a href="${s.textUrl}">Plain text</a> (${s.words} words) · SHA-256 <code class="hash">${s.sha256}</code></dd>
      <dt>Topics</dt><dd><#list s.topics as t><a href="${t.url}">${t.title}</a><#sep>, </#list></dd>
    </dl>
  </header>
  <#if s.preamble?has_content>
  <div class="preamble" aria-label="Headline and byline as captured">
    <#list s.preamble as b><p><#list b?split("\n") as line>${line}<#sep><br></#list></p></#list>
</div>
</#if>
  <div class="archived-text">
  <#list s.paragraphs as p>
<div class="para" id="${p.anchor}">
<a class="para-link" href="#${p.anchor}" data-number="${p.number}" title="Copy a link to paragraph ${p.number}" aria-label="Paragraph ${p.number}: copy link">¶${p.number}</a>
<p>${p.html?no_esc}</p>
<details class="cite-para"><summary>Cite ¶${p.number}</summary><p class="citation">${p.cite.oscola?no_esc}</p></details>
<#if p.citedBy?has_content>
<p class="cited-by">Cited by: <#list p.citedBy as c><a href="${c.url}">${c.title}</a><#sep>; </#list></p>
</#if>
</div>
  </#list>
</div>
  <#if s.noteHtml??><section class="archive-note"><h2>Archive note</h2>${s.noteHtml?no_esc}</section></#if>
  <section aria-labelledby="commentary-heading">
    <h2 id="commentary-heading">Commentary on this source</h2>
    <@l.links items=s.commentary empty="No commentary yet."/>
  </section>
  <section aria-labelledby="claims-heading">
    <h2 id="claims-heading">Claims citing this source</h2>
    <@l.links items=s.claims empty="No claims cite this source yet."/>
  </section>
</article>
</@l.layout>
