// Applies a stored theme choice before first paint (kept external for the CSP).
// The embedded map takes its theme from its address (?theme=dark), not the visitor's choice.
var q =
  /\/embed\/(index\.html)?$/.test(location.pathname) &&
  /[?&]theme=(dark|light)(&|$)/.exec(location.search);
var t = q ? q[1] : null;
try {
  if (!t) t = localStorage.getItem('deployment-map:theme');
} catch (e) {
  /* storage unavailable: follow the system setting */
}
if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
