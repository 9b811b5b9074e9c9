/** The web view: {@link ssi.web.WebView} serves a page for a running kernel, bound to loopback unless given a token. */
package ssi.web;
