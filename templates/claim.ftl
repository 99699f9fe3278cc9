<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#assign c = claim>
<@l.layout>
<article class="claim">
  <header>
    <p class="kind">Claim · ${c.kind}</p>
    <h1>${c.statement}</h1>
    <dl class="facts">
      <#if c.figure??><dt>Figure</dt><dd>${c.figure}</dd></#if>
      <#if c.date??><dt>Date</dt><dd>${c.date}</dd></#if>
      <#if c.by?has_content><dt>Held or given by</dt><dd><#list c.by as p><a href="${p.url}">${p.title}</a><#sep>, </#list></dd></#if>
      <dt>Topics</dt><dd><#list c.topics as t><a href="${t.url}">${t.title}</a><#sep>, </#list></dd>
    </dl>
  </header>
  <section aria-labelledby="passages-heading">
    <h2 id="passages-heading">Supporting passages</h2>
    <ol class="passages">
    <#list c.passages as p>
      <li><blockquote><p>${p.quote}</p></blockquote><p class="cite-source"><a href="${p.href}" data-url="${site.printUrl(p.href)}">${p.sourceTitle}, paragraph ${p.paragraph}</a></p></li>
    </#list>
    </ol>
  </section>
  <#if c.related?has_content>
  <section aria-labelledby="related-heading">
    <h2 id="related-heading">Related claims</h2>
    <ul class="links"><#list c.related as r><li><span class="relation">${r.label}:</span> <a href="${r.claim.url}">${r.claim.title}</a></li></#list></ul>
  </section>
  </#if>
  <#if c.noteHtml??><section class="prose" aria-label="Note">${c.noteHtml?no_esc}</section></#if>
  <@l.cited list=c.cited/>
</article>
</@l.layout>
