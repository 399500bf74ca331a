"""The rush after the prompt, as members make it: post a moment (declare, upload the photo to its presigned URL,
wait until it is published), then read the feed, the prompt and the inbox, and see how long a friend waits
for the moment to reach their feed (the stream fan-out's lag, reported as FANOUT).

Run by load.sh against the local stack only (loopback), bounded by --run-time; each user posts once.
USERS_FILE: the seeded members ([{userId, token, friends: [index, ...]}]), PHOTO: the JPEG to upload.
"""
import itertools
import json
import os
import time

from locust import HttpUser, between, events, task

MEMBERS = json.load(open(os.environ["USERS_FILE"]))
PHOTO = open(os.environ["PHOTO"], "rb").read()
NEXT = itertools.count()
WAIT = 30  # seconds a user waits for a publish or a fan-out before calling it failed


class Member(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.me = MEMBERS[next(NEXT) % len(MEMBERS)]
        self.auth = {"Authorization": "Bearer " + self.me["token"]}
        self.posted = False

    def get(self, path, name, token=None):
        headers = {"Authorization": "Bearer " + token} if token else self.auth
        return self.client.get(path, headers=headers, name=name)

    @task(1)
    def post_once(self):
        if self.posted:
            return
        self.posted = True
        moment = self.client.post("/moments", name="POST /moments", headers=self.auth, json={
            "caption": "right now", "audience": "friends",
            "images": [{"role": "back", "contentType": "image/jpeg", "contentLength": len(PHOTO)}]})
        if moment.status_code != 201:
            return
        body = moment.json()
        upload = body["uploads"][0]
        self.client.request(upload["method"], upload["url"], data=PHOTO, headers=upload.get("headers", {}),
                            name="PUT upload (presigned)")
        started = time.monotonic()
        while time.monotonic() - started < WAIT:
            state = self.get("/moments/" + body["momentId"], "GET /moments/{id}")
            if state.status_code == 200 and state.json().get("status") == "published":
                self.fanout(body["momentId"], time.monotonic())
                return
            time.sleep(0.5)
        events.request.fire(request_type="PUBLISH", name="declared -> published", response_time=WAIT * 1000,
                            response_length=0, exception=TimeoutError("not published within 30 s"))

    def fanout(self, moment_id, published):
        """How long after it was published the moment is in a friend's feed."""
        friend = MEMBERS[self.me["friends"][0]]
        while time.monotonic() - published < WAIT:
            feed = self.get("/feed?limit=50", "GET /feed (a friend's, waiting)", friend["token"])
            if feed.status_code == 200 and any(i.get("momentId") == moment_id for i in feed.json().get("items", [])):
                events.request.fire(request_type="FANOUT", name="published -> in a friend's feed",
                                    response_time=(time.monotonic() - published) * 1000, response_length=0,
                                    exception=None)
                return
            time.sleep(0.25)
        events.request.fire(request_type="FANOUT", name="published -> in a friend's feed", response_time=WAIT * 1000,
                            response_length=0, exception=TimeoutError("not fanned out within 30 s"))

    @task(6)
    def read_feed(self):
        self.get("/feed?limit=20", "GET /feed")

    @task(2)
    def read_prompt(self):
        self.get("/prompt", "GET /prompt")

    @task(2)
    def read_inbox(self):
        self.get("/notifications", "GET /notifications")
