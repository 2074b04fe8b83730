import ThiDuaLog

/// `/years/{year}`: the year report with one inline script of ours. The script follows the log (`GET /v1/log` as
/// server-sent events, from the position the report was made at) and, on each event, fetches the report again
/// (`/v1/years/{year}/report` with the page's own query) and swaps the body in place, keeping the scroll position.
/// The browser reconnects a dropped stream itself (`Last-Event-ID`); a stream it gave up on is opened again after 2 s.
/// On `<html>`: `data-live` (`open`, `waiting`) and `data-refreshed` (how many times the body was swapped).
enum LiveReport {
    static func page(_ report: String) -> String {
        guard let end = report.range(of: "</head>") else { return report }
        return report.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: "<script>" + script + "</script>")
    }

    /// Server-sent events carry the event type as their name, and `EventSource` delivers each name to its own listener.
    static let eventTypes = EventType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")

    static let script = """
        (function () {
          "use strict";
          var root = document.documentElement;
          var path = location.pathname.split("/");
          var year = path[path.length - 1];
          var params = new URLSearchParams(location.search);
          var reportURL = "/v1/years/" + encodeURIComponent(year) + "/report" + location.search;
          var types = [\(eventTypes)];
          var last = 0, refreshed = 0, busy = false, again = false, source = null;

          function position() {
            var digest = document.querySelector("[data-digest]");
            var n = digest ? parseInt(digest.getAttribute("data-digest"), 10) : 0;
            return isNaN(n) ? 0 : n;
          }

          function refresh() {
            if (busy) { again = true; return; }
            busy = true;
            again = false;
            fetch(reportURL, { cache: "no-store", headers: { "Accept": "text/html", "Thidua-Live": "1" } })
              .then(function (response) {
                if (!response.ok) { throw new Error("HTTP " + response.status); }
                return response.text();
              })
              .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html");
                var x = window.scrollX, y = window.scrollY;
                document.title = fresh.title;
                document.body.replaceWith(document.adoptNode(fresh.body));
                window.scrollTo(x, y);
                refreshed += 1;
                root.setAttribute("data-refreshed", String(refreshed));
                busy = false;
                if (again) { refresh(); }
              })
              .catch(function () {
                busy = false;
                setTimeout(refresh, 2000);
              });
          }

          function received(event) {
            var id = parseInt(event.lastEventId, 10);
            if (!isNaN(id) && id > last) { last = id; }
            refresh();
          }

          function follow() {
            var query = new URLSearchParams();
            if (params.get("bloc")) { query.set("bloc", params.get("bloc")); }
            query.set("from", String(last + 1));
            source = new EventSource("/v1/log?" + query.toString());
            source.onopen = function () { root.setAttribute("data-live", "open"); };
            types.forEach(function (type) { source.addEventListener(type, received); });
            source.onmessage = received;
            source.onerror = function () {
              root.setAttribute("data-live", "waiting");
              if (source.readyState === EventSource.CLOSED) {
                source.close();
                setTimeout(function () { follow(); refresh(); }, 2000);
              }
            };
          }

          function start() {
            last = position();
            follow();
          }

          if (document.readyState === "loading") {
            document.addEventListener("DOMContentLoaded", start);
          } else {
            start();
          }
        })();
        """
}
