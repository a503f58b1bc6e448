/*
 * Embeds the audience builder in any page with one tag:
 *   <script src="https://your-service/embed.js" data-api-key="…" async></script>
 * Options (data-*): data-target="#css-selector" draws it inline in that element; without it a
 * button in the corner opens it as a panel. data-title sets the heading. The widget lives in a
 * shadow root, so the host page's styles and the widget's never mix. The service must allow the
 * host page's origin (CORS_ORIGINS).
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('.', script.src).href.replace(/\/$/, '');
  var target = script.getAttribute('data-target');
  var options = {
    baseUrl: base,
    apiKey: script.getAttribute('data-api-key') || undefined,
    title: script.getAttribute('data-title') || undefined,
    useUrl: false,
  };

  function shadowIn(host) {
    var root = host.attachShadow({ mode: 'open' });
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = base + '/widget.css';
    root.appendChild(css);
    var frame = document.createElement('div');
    frame.className = 'aw-embed';
    root.appendChild(frame);
    return frame;
  }

  function mount(frame) {
    return import(base + '/widget.js').then(function (m) {
      return m.mountWidget(frame, options);
    });
  }

  function inline(host) {
    mount(shadowIn(host));
  }

  function floating() {
    var host = document.createElement('div');
    host.setAttribute('data-audience-widget-embed', '');
    document.body.appendChild(host);
    var frame = shadowIn(host);
    frame.className = 'aw-embed aw-floating';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'aw-launcher';
    button.textContent = options.title || 'Build an audience';
    button.setAttribute('aria-expanded', 'false');
    var panel = document.createElement('div');
    panel.className = 'aw-panel';
    panel.hidden = true;
    panel.id = 'aw-panel';
    button.setAttribute('aria-controls', panel.id);
    frame.appendChild(panel);
    frame.appendChild(button);
    var mounted = null;
    button.addEventListener('click', function () {
      panel.hidden = !panel.hidden;
      button.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden && !mounted) mounted = mount(panel);
    });
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        panel.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    });
  }

  function start() {
    if (target) {
      var host = document.querySelector(target);
      if (host) inline(host);
      else console.error('audience widget: no element matches data-target="' + target + '"');
    } else floating();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
