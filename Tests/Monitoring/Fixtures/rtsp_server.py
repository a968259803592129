#!/usr/bin/python3
"""A small RTSP server for the camera tests, on 127.0.0.1 only, built on GStreamer's RTSP server.

Open server: /moving (a moving test card), /black (a black picture), /frozen (one still frame, repeated).
Secure server: /secure (the moving card behind digest authentication, user "kamera", password from --password).
Prints "PORT <open> <secure>" once both listen, and stops when its standard input closes or after --lifetime seconds.
Run it with Debian's /usr/bin/python3 (the GObject bindings are Debian packages).
"""
import argparse
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

CAPS = "video/x-raw,width=320,height=240,framerate=10/1"
ENCODE = "videoconvert ! video/x-raw,format=I420 ! jpegenc quality=60 ! rtpjpegpay name=pay0 pt=26"
MOVING = f"( videotestsrc is-live=true pattern=smpte horizontal-speed=8 ! {CAPS} ! {ENCODE} )"
OPEN = {
    "/moving": MOVING,
    "/black": f"( videotestsrc is-live=true pattern=black ! {CAPS} ! {ENCODE} )",
    "/frozen": f"( videotestsrc pattern=smpte num-buffers=1 ! {CAPS} ! imagefreeze is-live=true ! {CAPS} ! {ENCODE} )",
}


def make_server(mounts: dict[str, str], role: str | None) -> GstRtspServer.RTSPServer:
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service("0")
    points = server.get_mount_points()
    for path, launch in mounts.items():
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch)
        factory.set_shared(True)
        if role is not None:
            permissions = GstRtspServer.RTSPPermissions()
            permissions.add_permission_for_role(role, "media.factory.access", True)
            permissions.add_permission_for_role(role, "media.factory.construct", True)
            factory.set_permissions(permissions)
        points.add_factory(path, factory)
    return server


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--password", default="Gizli-Şifre1")
    parser.add_argument("--lifetime", type=int, default=600)
    args = parser.parse_args()

    Gst.init(None)
    open_server = make_server(OPEN, None)
    secure_server = make_server({"/secure": MOVING}, "kamera")
    auth = GstRtspServer.RTSPAuth()
    auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", "kamera")
    auth.add_digest("kamera", args.password, token)
    secure_server.set_auth(auth)

    loop = GLib.MainLoop()
    if open_server.attach(None) == 0 or secure_server.attach(None) == 0:
        print("ERROR attach", flush=True)
        return 1
    print(f"PORT {open_server.get_bound_port()} {secure_server.get_bound_port()}", flush=True)

    def watch_stdin() -> None:
        sys.stdin.read()
        GLib.idle_add(loop.quit)

    threading.Thread(target=watch_stdin, daemon=True).start()
    GLib.timeout_add_seconds(args.lifetime, loop.quit)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
