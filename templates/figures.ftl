<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<link rel="stylesheet" href="/css/charts.css">
<h1>${page.title}</h1>
<p class="lede">${page.description} Each chart shows one measure only: figures that count different things are never put on one axis.</p>
<#list groups as g>
<section class="figure-group" aria-labelledby="fig-${g?index}">
  <h2 id="fig-${g?index}">${g.measure?cap_first} <span class="unit">(${g.unit})</span></h2>
  <figure class="chart-figure">${g.svg?no_esc}</figure>
  <table class="data">
    <caption>${g.measure?cap_first}: the figures and where they come from</caption>
    <thead><tr><th scope="col">Figure</th><th scope="col">Period</th><th scope="col">Claim</th><th scope="col">Source passage</th></tr></thead>
    <tbody>
    <#list g.rows as r>
      <tr><td class="num">${r.value}</td><td>${r.period!"not stated"}</td><td><a href="${r.claimUrl}">${r.statement}</a></td>
        <td><#if r.passage??><a href="${r.passage.href}">${r.passage.sourceTitle}, paragraph ${r.passage.paragraph}</a></#if></td></tr>
    </#list>
    </tbody>
  </table>
</section>
</#list>
<@l.pager p=pager/>
</@l.layout>
