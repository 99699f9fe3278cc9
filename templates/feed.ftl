<#ftl output_format="XML" strip_whitespace=true>
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${site.title}</title>
  <subtitle>${site.description}</subtitle>
  <link rel="self" href="${site.baseUrl}/feed.xml"/>
  <link rel="alternate" href="${site.baseUrl}/"/>
  <id>${site.baseUrl}/</id>
  <updated>${feedDate}</updated>
  <author><name>${site.author}</name></author>
<#list entries as e>
  <entry>
    <title>${e.title}</title>
    <link href="${site.baseUrl}${e.url}"/>
    <id>${site.baseUrl}${e.url}</id>
    <updated>${e.updated}</updated>
    <summary>${e.kind?cap_first}: ${e.title}</summary>
  </entry>
</#list>
<#list corrections as c>
  <entry>
    <title>Correction to the archived text: ${c.source.title}</title>
    <link href="${site.baseUrl}${c.source.url}#${c.anchor}"/>
    <id>${site.baseUrl}${c.source.url}#${c.anchor}</id>
    <updated>${c.feedDate}</updated>
    <summary>${c.date}: ${c.what} Why: ${c.why}</summary>
  </entry>
</#list>
</feed>
