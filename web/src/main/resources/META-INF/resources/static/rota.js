// Live updates: the grid is fetched again on each "allocation" server-sent event (htmx sse extension); the event's
// data names the activities whose staffing changed, which are highlighted once the new grid is in.
(function () {
  var changed = [];
  document.addEventListener('htmx:sseMessage', function (e) {
    if (e.detail && e.detail.type === 'allocation' && e.detail.data) {
      changed = changed.concat(e.detail.data.split(' ').filter(Boolean));
    }
  });
  document.addEventListener('htmx:afterSettle', function (e) {
    var target = e.detail && e.detail.target;
    if (target && target.id === 'panel') {
      var title = document.getElementById('panel-title');
      target.focus();
      if (title) { title.setAttribute('tabindex', '-1'); title.focus(); }
      return;
    }
    if (!document.getElementById('grid') || !e.detail.pathInfo || !/\/grid(\?|$)/.test(e.detail.pathInfo.requestPath)) {
      return;
    }
    var marked = 0;
    changed.forEach(function (id) {
      document.querySelectorAll('#grid [data-activity-id="' + id + '"]').forEach(function (cell) {
        cell.classList.add('changed');
        marked++;
      });
    });
    changed = [];
    var status = document.getElementById('status');
    if (status) {
      status.textContent = 'New allocation published at ' + new Date().toLocaleTimeString() +
          (marked ? ': ' + marked + ' changed cells highlighted.' : '.');
    }
  });
  // The session expired: reloading signs in again and returns to this page.
  document.addEventListener('htmx:responseError', function (e) {
    if (e.detail && e.detail.xhr && e.detail.xhr.status === 499) {
      window.location.reload();
    }
  });
  // Escape leaves the panel and goes back to the grid.
  document.addEventListener('keydown', function (e) {
    var panel = document.getElementById('panel');
    if (e.key === 'Escape' && panel && panel.contains(document.activeElement)) {
      var main = document.getElementById('main');
      if (main) { main.focus(); }
    }
  });
})();
