<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#assign c = commentary>
<@l.layout>
<article class="commentary">
  <header>
    <p class="kind">Commentary</p>
    <h1>${c.title}</h1>
    <p class="lede">${c.summary}</p>
    <dl class="facts">
      <dt>About</dt><dd><#list c.about as s><a href="${s.url}">${s.title}</a><#sep>; </#list></dd>
      <dt>Topics</dt><dd><#list c.topics as t><a href="${t.url}">${t.title}</a><#sep>, </#list></dd>
    </dl>
  </header>
  <div class="prose">${(c.bodyHtml!"")?no_esc}</div>
  <@l.cited list=c.cited/>
</article>
</@l.layout>
