<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>Page not found</h1>
<p>There is no page at this address. Pages of this archive never move without leaving a redirect, so the address may be mistyped.</p>
<p>Try the <a href="/search/">search</a>, or start from a topic:</p>
<@l.links items=topics/>
</@l.layout>
