<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>Timeline</h1>
<p class="lede">${page.description} A year means the source gives only the year. None of the five reports carries its own date, so events they describe relative to it ("last year", "next week") cannot be placed on the line: they are listed below with what is known of the report's date.</p>
<#if svg??><figure class="chart-figure">${svg?no_esc}</figure></#if>
<h2>Dated, in order</h2>
<ol class="timeline-list">
<#list events as e>
  <li><time datetime="${e.date}">${e.dateText}</time> <span class="kind-tag">${e.kind}</span> <a href="${e.url}">${e.statement}</a>
    <#list e.passages as p><span class="cite-source"> — <a href="${p.href}">${p.sourceTitle}, paragraph ${p.paragraph}</a></span></#list></li>
</#list>
</ol>
<#if undated?has_content>
<h2>Events and figures the sources do not date</h2>
<ul class="links">
<#list undated as e><li><a href="${e.url}">${e.statement}</a><#if e.dateText??><br><span class="meta">Period: ${e.dateText}</span></#if><#if e.reportedIn??><br><span class="meta">Reported in ${e.reportedIn}</span></#if></li></#list>
</ul>
</#if>
</@l.layout>
