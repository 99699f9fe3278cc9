<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<link rel="stylesheet" href="/css/charts.css">
<h1>Timeline</h1>
<p class="lede">${page.description}</p>
<p><#if undatedReports == reports>None of the ${reports} reports carries its own date.<#elseif undatedReports gt 0>${undatedReports} of the ${reports} reports carry no date of their own.</#if> A claim the sources date is drawn as a solid bar over the time
  it covers (a year given alone fills the year). Events the sources do not date are placed as a range from their report's
  date, known or inferred, drawn as a pale dashed bar and labelled <em>date inferred</em>, with the reasons one click
  away; an arrow means the range is open at that end.
  <#if breaks?has_content>The axis is to scale (every year has the same width), except at ≈, where the years
  <#list breaks as b>${b}<#sep>, </#list>, in which nothing is placed, are left out.<#else>The axis is to scale: every year has the same width.</#if></p>
<#if entries?has_content>
<section class="timeline" aria-labelledby="placed-heading">
<h2 id="placed-heading">In time order (${entries?size} entries, ${events} of them events)</h2>
<div class="tl-axis-row">${axis?no_esc}</div>
<ol class="tl-list">
<#list entries as e>
  <li class="tl-item" data-kind="${e.kind}" data-from="${e.from}" data-to="${e.to}">
    ${e.track?no_esc}
    <p class="tl-when"><#if e.inferred><span class="tl-inferred-tag">Date inferred:</span> </#if>${e.when} <span class="kind-tag">${e.kind}</span></p>
    <p class="tl-what"><a href="${e.url}">${e.statement}</a><#list e.passages as p><span class="cite-source"> — <a href="${p.href}" data-url="${site.printUrl(p.href)}">${p.sourceTitle}, ¶${p.paragraph}</a></span></#list></p>
    <#if e.basis??><details class="tl-basis"><summary>Why this date</summary><p>${e.basis} <#if e.basisUrl??><a href="${e.basisUrl}">The report's dating</a></#if></p></details></#if>
  </li>
</#list>
</ol>
</section>
</#if>
<#if undated?has_content>
<section aria-labelledby="undated-heading">
<h2 id="undated-heading">Not placed: no date can be told</h2>
<p>Listed by the date of the report they come from.</p>
<ul class="links">
<#list undated as e><li><a href="${e.url}">${e.statement}</a><br><span class="meta">${e.when}<#if e.basis??>: ${e.basis}</#if></span></li></#list>
</ul>
</section>
</#if>
</@l.layout>
