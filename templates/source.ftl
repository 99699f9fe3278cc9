<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#assign s = source>
<@l.layout>
<article class="source">
  <header class="source-head">
    <p class="kind">Archived source</p>
    <h1>${s.title}</h1>
    <p class="source-line"><#if s.outlet??>${s.outlet}<#else>Outlet not recorded</#if><#if s.authors?has_content> · ${s.authors?join(", ")}</#if> ·
      <#if s.published??>${s.published}<#elseif s.inferred??>Date not stated; inferred: ${s.inferred} (<a href="#dating">how</a>)<#else>Date not stated</#if></p>
    <details class="provenance" id="about-this-copy">
      <summary>About this copy: where it comes from, how it is dated, its checksum</summary>
      <dl class="facts">
        <dt>Title</dt><dd><#if s.headline??>The headline of the archived text.<#else>The archived text has no headline; this title is the archive's description.</#if></dd>
        <dt>Author</dt><dd><#if s.authors?has_content>${s.authors?join(", ")}<#else>Not known: the text has no byline.</#if></dd>
        <dt>Outlet</dt><dd><#if s.outlet??>${s.outlet}<#else>Not known: the copy does not record where it was published.</#if></dd>
        <dt id="dating">Date</dt><dd><#if s.published??>${s.published}<#else>Not stated in the text.<#if s.inferred??> Inferred: ${s.inferred}. <span class="basis">Why: ${s.inferredBasis}</span></#if></#if></dd>
        <dt>Original address</dt><dd><#if s.originalUrl??><a href="${s.originalUrl}">${s.originalUrl}</a><#else>Not known: the copy does not record it.</#if></dd>
        <#if s.provenance??><dt>How the archive got it</dt><dd>${s.provenance}</dd></#if>
        <dt>The archived text</dt><dd><a href="${s.textUrl}">The text as a plain-text file</a> (${s.words} words), kept exactly as received.
          Its SHA-256 checksum, which changes if a single character of the file does: <code class="hash">${s.sha256}</code></dd>
      </dl>
    </details>
  </header>
  <#include "source-versions.ftl">
  <#if s.preamble?has_content>
  <div class="preamble" aria-label="Headline and byline as captured">
    <#list s.preamble as b><p><#list b?split("\n") as line>${line}<#sep><br></#list></p></#list>
</div>
</#if>
  <div class="archived-text">
  <#list s.paragraphs as p>
<div class="para<#if p.citedBy?has_content> is-cited</#if>" id="${p.anchor}">
<p>${p.html?no_esc}</p>
<details class="cite-para"><summary>¶${p.number}<span class="vh"> link, cite<#if p.citedBy?has_content>, cited by ${p.citedBy?size}</#if></span></summary>
<a class="para-link" href="#${p.anchor}">Link to ¶${p.number}</a>
<p class="citation">${p.cite.oscola?no_esc}</p>
<#if p.citedBy?has_content><ul class="cited-by"><#list p.citedBy as c><li><a href="${c.url}">${c.title}</a></li></#list></ul></#if>
</details>
</div>
  </#list>
</div>
  <#if s.noteHtml??><section class="archive-note"><h2>Archive note</h2>${s.noteHtml?no_esc}</section></#if>
  <section aria-labelledby="topics-heading">
    <h2 id="topics-heading">Topics</h2>
    <@l.links items=s.topics empty="No topics."/>
  </section>
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
