<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>Timeline</h1>
<p class="lede">${page.description} A date is only as precise as the source allows: a year means the source gives only the year.</p>
<#if svg??><figure class="chart-figure">${svg?no_esc}</figure></#if>
<h2>Events in order</h2>
<ol class="timeline-list">
<#list events as e>
  <li><time datetime="${e.date}">${e.dateText}</time>: <a href="${e.url}">${e.statement}</a>
    <#list e.passages as p><span class="cite-source"> — <a href="${p.href}">${p.sourceTitle}, paragraph ${p.paragraph}</a></span></#list></li>
</#list>
</ol>
<#if undated?has_content>
<h2>Events the sources do not date</h2>
<p>These are reported without a date, or with a relative one ("two years ago") that cannot be fixed without the report's own date, which is unknown.</p>
<ul class="links"><#list undated as e><li><a href="${e.url}">${e.statement}</a></li></#list></ul>
</#if>
</@l.layout>
