<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>${page.title}</h1>
<p class="lede">${page.description}</p>
<#list groups as g>
  <#if g.heading?has_content><h2>${g.heading}</h2></#if>
  <@l.links items=g.links/>
</#list>
<@l.pager p=pager/>
</@l.layout>
