<#ftl output_format="XML" strip_whitespace=true>
<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<#list urls as u>
  <url><loc>${site.baseUrl}${u.url}</loc><#if u.lastmod??><lastmod>${u.lastmod}</lastmod></#if></url>
</#list>
</urlset>
