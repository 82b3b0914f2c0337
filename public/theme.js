// Theme switch for Warta. Loaded as a small blocking script from <head> (not inline, so a strict
// Content-Security-Policy with script-src 'self' allows it): applying the saved choice before the
// body is parsed means the page never paints in the wrong theme. Without a saved choice the CSS
// follows the system setting through prefers-color-scheme.
(function () {
  var root = document.documentElement;
  var key = 'warta-theme';
  var saved = null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    // Storage can be blocked (private modes, strict settings); the system theme then applies.
  }
  if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  // Marks that the toggle will work, so the stylesheet shows it from the first paint on.
  root.dataset.themeToggle = 'on';

  var systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  function isDark() {
    return root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('button[data-theme-button]');
    if (!button) return;
    var sync = function () {
      button.setAttribute('aria-pressed', String(isDark()));
    };
    sync();
    systemDark.addEventListener('change', sync);
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem(key, next);
      } catch {
        // Not remembered when storage is blocked; the switch still applies to this page.
      }
      sync();
    });
  });
})();
