<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<link rel="stylesheet" href="/css/charts.css">
<h1>${page.title}</h1>
<p class="lede">${page.description}</p>
<p>One section per measure: figures that count different things are never put on one axis. A measure with several
  figures (other periods of the same count) has a chart; a measure with one figure is shown as a card. Qualifiers are
  drawn as well as written: <span class="nowrap">“more than”</span> as an open end with an arrow, “almost” and “up to”
  as a capped end, “about” as a pale band across the end.</p>
<#list groups as g>
<section class="figure-group" id="${g.anchor}" aria-labelledby="${g.anchor}-h">
  <h2 id="${g.anchor}-h">${g.measure?cap_first} <span class="unit">(${g.unit})</span></h2>
  <p class="fig-meta"><#if g.area??>Area: ${g.area}.<#else>Area not stated in the source.</#if><#if g.definition??> ${g.definition}</#if></p>
  <#if g.svg??>
  <figure class="chart-figure">${g.svg?no_esc}</figure>
  <p class="fig-meta">The figures of the chart and where they come from:</p>
  <ul class="fig-list">
  <#list g.rows as r>
    <li><span class="fig-row-value">${r.value} ${g.unit}</span>, ${r.period!"period not stated"}:
      <a href="${r.claimUrl}">${r.statement}</a><#if r.passage??><span class="cite-source"> — <a href="${r.passage.href}" data-url="${site.printUrl(r.passage.href)}">${r.passage.sourceTitle}, paragraph ${r.passage.paragraph}</a></span></#if></li>
  </#list>
  </ul>
  <#else>
  <#assign r = g.rows[0]>
  <div class="fig-card">
    <p class="fig-value"><#if r.mark??>${r.mark?no_esc} </#if><#if r.qualifier?has_content><span class="fig-q">${r.qualifier}</span> </#if><span class="fig-n">${r.number}</span> <span class="unit">${g.unit}</span></p>
    <p class="fig-period">Period: ${r.period!"not stated in the source"}</p>
    <p><a href="${r.claimUrl}">${r.statement}</a><#if r.passage??><span class="cite-source"> — <a href="${r.passage.href}" data-url="${site.printUrl(r.passage.href)}">${r.passage.sourceTitle}, paragraph ${r.passage.paragraph}</a></span></#if></p>
  </div>
  </#if>
</section>
</#list>
<@l.pager p=pager/>
</@l.layout>
