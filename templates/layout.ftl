<#ftl output_format="HTML" strip_whitespace=true>
<#macro layout>
<#-- page and site read once: JBake's model answers every read of a model variable by first throwing (and catching) an
     exception for want of a "model extractor" of that name, some 60 a page (BENCHMARKS.md, "Templates") -->
<#local page = page site = site>
<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'">
<title><#if page.kind == "home">${site.title}<#else>${page.title} — ${site.title}</#if></title>
<meta name="description" content="${page.description}">
<#-- a preview, a page of search results, an empty list of claims and the "not found" page are not pages to list; the last has no address of its own -->
<#if site.preview || page.kind == "search" || page.kind == "404" || (page.kind == "claims-filter" && (total!1) == 0)><meta name="robots" content="noindex"></#if>
<#if page.kind != "404"><link rel="canonical" href="${page.canonical}"></#if>
<#if versions??><link rel="timemap" href="timemap.link"></#if>
<#list page.meta as m><#if m.attr == "property"><meta property="${m.key}" content="${m.content}"><#elseif m.attr == "rel"><link rel="${m.key}" href="${m.content}"><#else><meta name="${m.key}" content="${m.content}"></#if>
</#list>
<#if page.jsonLd??><script type="application/ld+json">${page.jsonLd?no_esc}</script></#if>
<link rel="icon" href="/img/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${page.stylesheet}">
<#-- the reader pages' styles: a stylesheet of their own, so that source pages keep their weight budget (GraphPagesTest) -->
<#assign reader = ["home", "topic", "claims-index", "claims-filter", "about"]?seq_contains(page.kind)>
<#if reader><link rel="stylesheet" href="/css/reader.css"></#if>
<#if page.kind == "source"><script type="module" src="/js/paragraphs.js"></script></#if>
<#-- the search page preloads every module search-page.js imports, so that they are fetched in parallel with it (site.test.mjs checks the list) -->
<#if page.kind == "search"><script type="module" src="/js/search-page.js"></script><#list ["search.js", "search/postings.js", "search/analysis.js", "search/query.js", "search/topk.js", "search/excerpts.js"] as m><link rel="modulepreload" href="/js/${m}"></#list></#if>
<#if page.cite??><script type="module" src="/js/cite.js"></script></#if>
<link rel="alternate" type="application/atom+xml" title="${site.title}" href="/feed.xml">
<#-- downloads beside the page, linked relative to it (each source page must stay under its weight budget) -->
<#if page.kind == "source"><link rel="alternate" type="text/plain" href="text.txt"></#if>
<#if page.cite??><link rel="alternate" type="application/x-bibtex" href="cite.bib">
<link rel="alternate" type="application/x-research-info-systems" href="cite.ris">
<link rel="alternate" type="application/vnd.citationstyles.csl+json" href="cite.json"></#if>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-title" href="/">${site.title}</a>
    <nav aria-label="Main">
      <ul>
        <#-- the section a page belongs to is marked aria-current="true" -->
        <#list [["Topics", "/topics/"], ["Sources", "/sources/"], ["Commentary", "/commentary/"], ["Claims", "/claims/"], ["People and organisations", "/people/"], ["Timeline", "/timeline/"], ["Figures", "/figures/"], ["About", "/about/"], ["Corrections", "/corrections/"]] as n>
        <li><a href="${n[1]}"<#if page.url == n[1]> aria-current="page"<#elseif page.url?starts_with(n[1])> aria-current="true"</#if>>${n[0]}</a></li>
        </#list>
      </ul>
    </nav>
    <#-- one search box per page: the home and search pages have their own -->
    <#if page.kind != "home" && page.kind != "search">
    <form class="search-box" role="search" action="/search/" method="get">
      <label for="site-search">Search the archive</label>
      <input id="site-search" name="q" type="search">
      <button type="submit">Search</button>
    </form>
    </#if>
  </div>
  <#if site.preview><p class="preview">Preview: citations point at a placeholder address.</p></#if>
</header>
<#if page.breadcrumbs?has_content>
<nav class="breadcrumbs wrap<#if reader> crumbs-${page.kind}</#if>" aria-label="Breadcrumb">
  <ol><#list page.breadcrumbs as c><li><a href="${c.url}">${c.title}</a></li></#list><li aria-current="page">${page.title}</li></ol>
</nav>
</#if>
<main id="main" class="wrap<#if reader> page-${page.kind}</#if>">
<#nested>
<#if page.cite??>
<section class="cite-this" aria-labelledby="cite-this-heading">
  <h2 id="cite-this-heading">Cite this</h2>
  <dl class="cite-styles">
    <dt>APA 7</dt><dd><p class="citation" id="cite-apa">${page.cite.apa?no_esc}</p></dd>
    <dt>Chicago</dt><dd><p class="citation" id="cite-chicago">${page.cite.chicago?no_esc}</p></dd>
    <dt>Harvard</dt><dd><p class="citation" id="cite-harvard">${page.cite.harvard?no_esc}</p></dd>
    <dt>OSCOLA</dt><dd><p class="citation" id="cite-oscola">${page.cite.oscola?no_esc}</p></dd>
  </dl>
  <p class="downloads">Download: <a href="${page.cite.bib}" download>BibTeX</a> · <a href="${page.cite.ris}" download>RIS</a> · <a href="${page.cite.csl}" download>CSL-JSON</a></p>
</section>
</#if>
<#if page.related?has_content>
<aside class="related" aria-labelledby="related-items-heading">
  <h2 id="related-items-heading">Related</h2>
  <ul class="links"><#list page.related as r><li><span class="kind-tag">${r.kind}</span> <a href="${r.url}">${r.title}</a></li></#list></ul>
</aside>
</#if>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${site.title}. Commentary, claims and <a href="/data/archive.json">data</a>: <a href="${site.license.url}">${site.license.name}</a>. ${site.rights}</p>
    <p>This page: version ${page.version}. <a href="/feed.xml">Atom feed</a> · <a href="/sitemap.xml">Sitemap</a><#if site.reportErrors??> · <a href="${site.reportErrors}">Report an error</a></#if></p>
  </div>
</footer>
</body>
</html>
</#macro>

<#macro pager p>
<#if (p.total > 1)>
<nav class="pager" aria-label="Pages">
  <#if p.prev()??><a href="${p.prev()}" rel="prev">Previous</a></#if>
  <ol>
  <#list p.window() as e><li><#if e.number == 0><span aria-hidden="true">…</span><#elseif e.number == p.current><a href="${e.url}" aria-current="page">${e.number}</a><#else><a href="${e.url}">${e.number}</a></#if></li></#list>
  </ol>
  <#if p.next()??><a href="${p.next()}" rel="next">Next</a></#if>
</nav>
</#if>
</#macro>

<#macro links items empty="None yet.">
<#if items?has_content><ul class="links"><#list items as l><li><a href="${l.url}">${l.title}</a></li></#list></ul><#else><p class="none">${empty}</p></#if>
</#macro>

<#macro cited list>
<#if list?has_content>
<section class="cited" aria-labelledby="cited-heading">
  <h2 id="cited-heading">Passages cited</h2>
  <ol>
  <#list list as c>
    <li value="${c.number}"><blockquote><p>${c.quote}</p></blockquote>
      <p class="cite-source"><a href="${c.href}" data-url="${site.printUrl(c.href)}">${c.sourceTitle}, paragraph ${c.paragraph}</a></p></li>
  </#list>
  </ol>
</section>
</#if>
</#macro>
