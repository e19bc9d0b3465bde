// Applies a stored theme choice before first paint (kept external for the CSP).
try {
  var t = localStorage.getItem('deployment-map:theme');
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch (e) {
  /* storage unavailable: follow the system setting */
}
