vcl 4.1;

# Masthead's reader site behind Varnish 7 with varnish-modules' xkey (Debian: apt-get install varnish varnish-modules).
# `npm run edge` starts varnishd with a copy of this file whose backend and purge addresses come from the
# environment (EDGE_BACKEND_URL, EDGE_PURGE_ALLOW); used directly, edit the two blocks below.
#
# What it keeps: GET and HEAD of public pages that the app marks `public` in Cache-Control. What it never
# keeps: anything asked with a reader's or a staff member's session cookie, anything answered with
# Set-Cookie or `private`/`no-store`/`no-cache`, the desk, sign-in, account and form pages, search and the API.
# Each kept page carries the keys of the records it shows (`xkey` header); the app purges exactly those keys
# with `PURGE` and an `xkey-purge` header on every publication (EDGE_PURGE_URLS).

import std;
import xkey;

backend origin {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # Sick means not answering, not busy: a Node origin loading a page's code for the first time, or under
    # a burst, can take a second or two to answer; two missed checks in a row at three seconds each mark it down.
    .probe = {
        .url = "/api/health";
        .interval = 1s;
        .timeout = 3s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: the app's own host by default.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Purging by key: `PURGE /` with `xkey-purge: key1 key2`. Soft by default: a purged page is fetched
    # afresh while the origin answers, and still served stale while it does not.
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Purging is not allowed from this address."));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Send the keys to purge in an xkey-purge header."));
        }
        if (req.http.xkey-purge-mode == "hard") {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        } else {
            set req.http.x-purged = xkey.softpurge(req.http.xkey-purge);
        }
        return (synth(200, "Purged " + req.http.x-purged + " objects."));
    }

    # Serve stale pages at once only while the origin is down; while it is up, a purged or expired page
    # is fetched afresh, so a publication is visible on the next request.
    if (std.healthy(req.backend_hint) && !req.http.x-masthead-stale) {
        set req.grace = 0s;
    } else {
        set req.grace = 24h;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom, sign-in, readers' own pages, forms and search answer per person or per query.
    if (req.url ~ "^/(desk|login|preview|account|subscribe|join|search)(/|\?|$)" || req.url ~ "^/api/(?!media/)") {
        return (pass);
    }
    # The app's client-side navigations ask the same address for another format (RSC); only whole pages are kept.
    if (req.http.RSC || req.http.Next-Router-Prefetch || req.url ~ "[?&]_rsc=") {
        return (pass);
    }
    # A signed-in reader or staff member never gets a shared page and never leaves one behind.
    if (req.http.Cookie ~ "(^|;\s*)(__Secure-|__Host-)?(authjs|next-auth|masthead-reader)\.session-token") {
        return (pass);
    }
    # Public pages need no cookie: dropping them all lets every reader share one copy.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # Never keep what varies per person or what the app says not to share.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || !beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        return (deliver);
    }
    if (beresp.status >= 500) {
        # A failing origin: keep serving the last good page (see vcl_synth) instead of storing the error.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    # Six hours of grace: what readers get while the origin is down (vcl_recv uses none while it is up).
    set beresp.grace = 6h;
    # And an hour more to revalidate with If-Modified-Since / If-None-Match.
    set beresp.keep = 1h;
    return (deliver);
}

sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    # The origin could not answer: try once more from the cache, stale pages allowed.
    if (resp.status >= 500 && req.restarts == 0 && (req.method == "GET" || req.method == "HEAD") && !req.http.x-masthead-stale) {
        set req.http.x-masthead-stale = "1";
        set req.http.x-masthead-origin-status = resp.status;
        return (restart);
    }
    # Served stale because the origin failed: say how, for whoever looks into it.
    if (req.http.x-masthead-origin-status) {
        set resp.http.X-Cache-Origin-Status = req.http.x-masthead-origin-status;
    }
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        if (obj.ttl <= 0s) {
            set resp.http.X-Cache = "HIT-STALE";
        } else {
            set resp.http.X-Cache = "HIT";
        }
    } else {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;
    # Keys are for the cache, not for browsers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts == 0 && (req.method == "GET" || req.method == "HEAD") && !req.http.x-masthead-stale) {
        set req.http.x-masthead-stale = "1";
        return (restart);
    }
}
