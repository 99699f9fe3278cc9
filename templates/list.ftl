<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>${page.title}</h1>
<p class="lede">${page.description}</p>
<#list groups as g>
  <#if g.heading?has_content><h2>${g.heading}</h2></#if>
  <#if g.links?has_content><ul class="links entries"><#list g.links as e><li><a href="${e.url}">${e.title}</a><#if e.note??><span class="note">${e.note}</span></#if></li></#list></ul><#else><p class="none">None yet.</p></#if>
</#list>
<@l.pager p=pager/>
</@l.layout>
