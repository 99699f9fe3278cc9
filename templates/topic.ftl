<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#assign t = topic>
<@l.layout>
<article class="topic">
  <header>
    <p class="kind">Topic</p>
    <h1>${t.title}</h1>
    <p class="lede">${t.summary}</p>
  </header>
  <#if t.introHtml??><div class="prose">${t.introHtml?no_esc}</div></#if>
  <section aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2><@l.links items=t.sources/></section>
  <section aria-labelledby="commentary-heading"><h2 id="commentary-heading">Commentary</h2><@l.links items=t.commentary/></section>
  <section aria-labelledby="claims-heading"><h2 id="claims-heading">Claims</h2><@l.links items=t.claims/></section>
  <#if t.related?has_content><section aria-labelledby="related-heading"><h2 id="related-heading">Related topics</h2><@l.links items=t.related/></section></#if>
  <@l.cited list=t.cited/>
</article>
</@l.layout>
