<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>Search</h1>
<form data-search-form role="search" action="/search/" method="get">
  <label for="q">Search sources, commentary, claims and topics</label>
  <input id="q" name="q" type="search" autocomplete="off">
  <button type="submit">Search</button>
</form>
<p data-search-status aria-live="polite"></p>
<ol data-search-results data-search-index="/search/"></ol>
<noscript><p>Search needs JavaScript. Everything else works without it: browse the <a href="/topics/">topics</a>, the <a href="/sources/">sources</a> or the <a href="/claims/">claims</a>.</p></noscript>
</@l.layout>
