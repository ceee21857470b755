// The style sheet of the HTML report, inlined in every page so that a page loads nothing.
#pragma once

#include <string_view>

namespace frnews::detail {

// Speaker colours: c0..c7 (a light background with near-black text, a dark tone for borders and
// names); beyond eight speakers they repeat. Entity types underline in their own dark tones.
inline constexpr std::string_view report_style = R"css(
:root{--texte:#1f2328;--discret:#57606a;--fond:#fff;--ligne:#d0d7de;
--c0:#dbeafe;--f0:#1d4ed8;--c1:#fce7f3;--f1:#be185d;--c2:#dcfce7;--f2:#15803d;--c3:#fef3c7;--f3:#a16207;
--c4:#ede9fe;--f4:#6d28d9;--c5:#ccfbf1;--f5:#0f766e;--c6:#ffedd5;--f6:#c2410c;--c7:#e2e8f0;--f7:#334155;
--per:#7e22ce;--loc:#15803d;--org:#b45309;--misc:#475569}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--texte);background:var(--fond);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,main{max-width:78rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.25rem;border-bottom:1px solid var(--ligne)}
h1{font-size:1.45rem;margin:0 0 .2rem;overflow-wrap:anywhere}
h2{font-size:1.05rem;margin:1.4rem 0 .5rem}
.resume{color:var(--discret);margin:0 0 .8rem}
.retour{font-size:.9rem}
a{color:#0b57d0}
main{display:grid;gap:0 2.5rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:62rem){main{grid-template-columns:minmax(0,42rem) minmax(18rem,1fr)}}
.texte{font:1.08rem/1.8 Georgia,"Times New Roman",serif}
.texte p{white-space:pre-wrap;overflow-wrap:anywhere;margin:1rem 0}
.citation{background:var(--fond-c);box-shadow:inset 0 -2px 0 var(--fort-c);padding:.1em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.citation[data-etiquette]::before{content:attr(data-etiquette);display:inline-block;white-space:nowrap;font:600 .68rem/1 system-ui,sans-serif;color:#fff;background:var(--fort-c);border-radius:.25rem;padding:.12rem .3rem;margin-right:.25rem;vertical-align:.15em;letter-spacing:.01em}
.citation.anonyme{--fond-c:#f1f5f9;--fort-c:#64748b}
.c0{--fond-c:var(--c0);--fort-c:var(--f0)}.c1{--fond-c:var(--c1);--fort-c:var(--f1)}
.c2{--fond-c:var(--c2);--fort-c:var(--f2)}.c3{--fond-c:var(--c3);--fort-c:var(--f3)}
.c4{--fond-c:var(--c4);--fort-c:var(--f4)}.c5{--fond-c:var(--c5);--fort-c:var(--f5)}
.c6{--fond-c:var(--c6);--fort-c:var(--f6)}.c7{--fond-c:var(--c7);--fort-c:var(--f7)}
.locuteur{font-weight:700;color:var(--fort-c)}
.indice{font-style:italic;text-decoration:underline dotted var(--discret);text-underline-offset:.2em}
.entite{color:inherit;text-decoration:none;border-bottom:2px solid var(--type)}
a.entite:hover{background:#f6f8fa}
.entite.nil{border-bottom-style:dashed;cursor:help}
.per{--type:var(--per)}.loc{--type:var(--loc)}.org{--type:var(--org)}.misc{--type:var(--misc)}
.wd{font:600 .62rem/1 system-ui,sans-serif;text-decoration:none;vertical-align:super;margin-left:.1em;color:var(--discret)}
.wd::after{content:"wd"}
.bascule{position:absolute;opacity:0}
.commandes{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;margin:0 0 .8rem}
.commandes label{display:inline-block;cursor:pointer;font-size:.9rem;border:1px solid var(--ligne);border-radius:.4rem;padding:.2rem .6rem}
.bascule:focus-visible~header .commandes label{outline:2px solid #0b57d0}
.bascule:checked~header .commandes label{background:#fee2e2;border-color:#b91c1c}
.bascule:checked~main .reparation{outline:2px dashed #b91c1c;outline-offset:1px;background:#fee2e2}
.bascule:checked~main .reparation::after{content:"\2039" attr(data-genre) "\203A";font:600 .62rem/1 system-ui,sans-serif;color:#b91c1c;vertical-align:super}
aside{font-size:.92rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--ligne);vertical-align:top}
th{font-weight:600;color:var(--discret)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.pastille{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;background:var(--fond-c);border:2px solid var(--fort-c);vertical-align:-.1rem;margin-right:.35rem}
.type{display:inline-block;width:1.4rem;border-bottom:3px solid var(--type);margin-right:.35rem;vertical-align:.2rem}
.type.nil{border-bottom-style:dashed}
.legende{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem;color:var(--discret)}
.legende .citation,.legende .locuteur,.legende .indice{color:var(--texte)}
.non-lie{color:var(--discret)}
details{margin:.5rem 0}
summary{cursor:pointer}
code{font-size:.85em;overflow-wrap:anywhere}
.erreur{color:#b91c1c}
footer{max-width:78rem;margin:2rem auto 1rem;padding:0 1.25rem;color:var(--discret);font-size:.8rem}
@media print{
 body{font-size:11pt}
 .commandes label,.retour{display:none}
 main{display:block}
 .citation,.pastille,.citation[data-etiquette]::before{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .texte p{orphans:3;widows:3}
 tr,li{break-inside:avoid}
 a{color:inherit}
}
)css";

}  // namespace frnews::detail
