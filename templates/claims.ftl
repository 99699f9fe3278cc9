<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#-- The claims index: the overview (/claims/) and one page per topic, kind and speaker. Plain links: it works without JavaScript. -->
<#macro choices list><#list list as c><li><#if c.current><a href="${c.url}" aria-current="page">${c.label}</a><#else><a href="${c.url}">${c.label}</a></#if> <span class="count">${c.count}</span></li></#list></#macro>
<@l.layout>
<h1>${page.title}</h1>
<p class="lede">${page.description}</p>
<nav class="claim-filter" aria-label="Filter claims">
  <p class="filter-row"><span class="filter-label" id="filter-topic">By topic</span></p>
  <ul aria-labelledby="filter-topic"><@choices filter.topics/></ul>
  <p class="filter-row"><span class="filter-label" id="filter-kind">By kind</span></p>
  <ul aria-labelledby="filter-kind"><@choices filter.kinds/></ul>
  <details<#if page.kind == "claims-index" || page.url?starts_with("/claims/by/")> open</#if>>
    <summary>By who said it (${filter.people?size + filter.organisations?size})</summary>
    <#if filter.people?has_content><p class="filter-row"><span class="filter-label" id="filter-people">People</span></p><ul aria-labelledby="filter-people"><@choices filter.people/></ul></#if>
    <#if filter.organisations?has_content><p class="filter-row"><span class="filter-label" id="filter-orgs">Organisations</span></p><ul aria-labelledby="filter-orgs"><@choices filter.organisations/></ul></#if>
  </details>
  <#if page.kind != "claims-index"><p><a href="/claims/">Overview of all claims</a></p></#if>
</nav>
<#if page.kind == "claims-index">
<h2>By topic, then kind</h2>
<p class="meta">${total} claims. A claim filed under two topics is counted under each.</p>
<table class="data claim-groups">
  <caption>Claims per topic and kind; each number links to that part of the topic's list</caption>
  <thead><tr><th scope="col">Topic</th><th scope="col">Claims</th><th scope="col">By kind</th></tr></thead>
  <tbody>
  <#list rows as r>
    <tr><th scope="row"><a href="${r.url}">${r.title}</a></th><td class="num">${r.count}</td>
      <td><#list r.kinds as k><a href="${k.url}">${k.label}: ${k.count}</a><#sep> · </#list></td></tr>
  </#list>
  </tbody>
</table>
<#else>
<p class="meta"><#if total == 0>No claims yet.<#else>${total} claim<#if total != 1>s</#if><#if (pager.total > 1)>; page ${pager.current} of ${pager.total}</#if>.</#if></p>
<#list sections as s>
  <#if !s.entries?has_content><#continue></#if>
  <#if s.heading??><h2<#if s.id??> id="${s.id}"</#if>>${s.heading}</h2></#if>
  <ul class="claim-list">
  <#list s.entries as e>
    <li>
      <p class="claim-statement"><a href="${e.url}">${e.statement}</a></p>
      <p class="claim-meta"><span class="kind-tag">${e.kind}</span>
        <#if e.figure??><span class="claim-figure">Figure: ${e.figure}</span></#if>
        <#if e.by?has_content><span class="said-by">Said by <#list e.by as b><a href="${b.url}">${b.title}</a><#sep>, </#list></span></#if>
      </p>
      <p class="cite-source"><#list e.passages as p><a href="${p.href}" data-url="${site.printUrl(p.href)}">${p.sourceTitle}, paragraph ${p.paragraph}</a><#sep>; </#list></p>
    </li>
  </#list>
  </ul>
</#list>
<@l.pager p=pager/>
</#if>
</@l.layout>
