<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#assign p = person>
<@l.layout>
<article class="person">
  <header>
    <p class="kind"><#if p.kind == "person">Person<#else>Organisation</#if></p>
    <h1>${p.name}</h1>
  </header>
  <#if p.roles?has_content>
  <section aria-labelledby="roles-heading">
    <h2 id="roles-heading">Roles, as the sources state them</h2>
    <ul class="links"><#list p.roles as r><li>${r.role} <a class="role-source" href="${r.passage.href}">(${r.passage.sourceTitle}, paragraph ${r.passage.paragraph})</a></li></#list></ul>
  </section>
  </#if>
  <#if p.noteHtml??><div class="prose">${p.noteHtml?no_esc}</div></#if>
  <section aria-labelledby="claims-heading"><h2 id="claims-heading">Positions and figures</h2><@l.links items=p.claims/><#if p.claims?has_content><p><a href="${p.claimsUrl}">Their claims by kind, with figures and passages</a></p></#if></section>
  <section aria-labelledby="sources-heading"><h2 id="sources-heading">Sources that name them</h2><@l.links items=p.sources/></section>
  <@l.cited list=p.cited/>
</article>
</@l.layout>
