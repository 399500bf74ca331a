"""The capacity model of docs/capacity.md: how long the prompt takes to reach its last member on AWS, how the
rush after it drains through the moments stream, and what a day costs. Every input is named with its source:
call counts measured (PromptBurstCostIT, FanoutCostIT, the burst benchmark), AWS's published quotas and list
prices, and the few latencies no run here can measure (marked as assumptions; SENSITIVITY varies them).

Usage: python capacity.py            prints the tables docs/capacity.md shows
       SENSITIVITY=2 python capacity.py   every assumed latency doubled
"""
import math
import os

K = float(os.environ.get("SENSITIVITY", "1"))

# ----------------------------------------------------------------------------------------------- inputs
MEASURED = {  # exact, asserted in PromptBurstCostIT (a job is 100 members, an SQS batch 10 jobs)
    "members_per_job": 100, "jobs_per_invocation": 10,
    "batchget_per_member": 0.02,  # 2 keys a member (settings, device list), 100 keys a BatchGetItem
    "transactions_per_member": 0.01,  # 100 conditional inbox Puts a TransactWriteItems
    "publishes_per_device": 1,
    "wru_per_member": 2,  # a transactional write costs 2 write request units an item (< 1 KB)
    "rru_per_member": 1,  # 2 items, eventually consistent: 0.5 each
}
QUOTAS = {  # published; "soft" ones can be raised through Service Quotas
    "esm_start": 5, "esm_ramp_per_s": 300 / 60, "esm_max": 1250,  # Lambda DG, SQS event source scaling
    # provisioned mode: up to 10 concurrent invokes a poller, 1,000 more concurrency a minute, 20,000 at most
    # (AWS News Blog, Nov 2025); the template keeps NotificationPollersMinimum = 2 pollers ready
    "provisioned_per_poller": 10, "provisioned_ramp_per_s": 1000 / 60, "provisioned_max": 20000, "min_pollers": 2,
    "function_scaling_per_s": 1000 / 10,  # Lambda DG, scaling behavior: 1,000 every 10 s per function
    "account_concurrency": 1000,  # Lambda quota, default, soft
    "sns_publish_per_s": 30000,  # SNS quotas, Publish, us-east-1 (9,000 us-west-2/eu-west-1, 1,500 others), soft
    "fcm_per_s": 600000 / 60,  # Firebase: 600,000 messages a minute per project
    "table_wru_per_s": 40000, "table_rru_per_s": 40000,  # DynamoDB on-demand, per table, default, soft
    "new_table_wru_per_s": 4000,  # a new on-demand table's writes before it scales (or its WarmThroughput)
    "stream_parallelization": 10,  # Lambda DG, DynamoDB streams: ParallelizationFactor at most 10
}
ASSUMED = {  # latencies on AWS, in seconds: no run here can measure them (moto is 5-20x slower)
    "batchget": 0.010 * K, "transaction": 0.025 * K, "publish": 0.020 * K, "query_page": 0.030 * K,
    "send_batch": 0.012 * K, "batch_write": 0.015 * K, "query": 0.008 * K,
    "restore": 0.5 * K,  # a SnapStart container's restore before its first invoke (AWS: "sub-second")
    "push_concurrency": 64,  # NotificationDelivery.PUSH_CONCURRENCY
    "devices_per_member": 1.0, "fcm_share": 0.45,  # Android's share of US smartphones is about 40-45 %
}


def invocation_seconds():
    """One dispatcher invocation: 10 jobs of 100 members (reads of the batch, then per job a transaction and pushes)."""
    members = MEASURED["members_per_job"] * MEASURED["jobs_per_invocation"]
    reads = members * MEASURED["batchget_per_member"] * ASSUMED["batchget"]
    pushes_per_job = MEASURED["members_per_job"] * ASSUMED["devices_per_member"]
    per_job = ASSUMED["transaction"] + math.ceil(pushes_per_job / ASSUMED["push_concurrency"]) * ASSUMED["publish"]
    return reads + MEASURED["jobs_per_invocation"] * per_job, members


def burst(members, start_concurrency=QUOTAS["esm_start"], ramp=QUOTAS["esm_ramp_per_s"], warm=True,
          most=QUOTAS["esm_max"]):
    """Seconds from the prompt's time to the last member's push, and what held it back most of the way."""
    seconds, per = invocation_seconds()
    per_instance = per / seconds  # members a second one running dispatcher notifies
    caps = {
        "SNS Publish quota": QUOTAS["sns_publish_per_s"] / ASSUMED["devices_per_member"],
        "FCM's project quota": QUOTAS["fcm_per_s"] / (ASSUMED["devices_per_member"] * ASSUMED["fcm_share"]),
        "DynamoDB table writes": (QUOTAS["table_wru_per_s"] if warm else QUOTAS["new_table_wru_per_s"])
        / MEASURED["wru_per_member"],
        "DynamoDB table reads": QUOTAS["table_rru_per_s"] / MEASURED["rru_per_member"],
    }
    done, t, dt, held = 0.0, 0.0, 0.01, {}
    while done < members:
        pollers = min(start_concurrency + ramp * max(0.0, t - ASSUMED["restore"]), most,
                      QUOTAS["account_concurrency"])
        # instances become useful after their restore; the first ones are warm from earlier prompts or restore too
        concurrency = pollers if t >= ASSUMED["restore"] else 0
        jobs_left = math.ceil((members - done) / MEASURED["members_per_job"])
        concurrency = min(concurrency, math.ceil(jobs_left / MEASURED["jobs_per_invocation"]) or 1)
        rates = {"dispatcher concurrency": concurrency * per_instance, **caps}
        limit = min(rates, key=rates.get)
        held[limit] = held.get(limit, 0) + dt
        done += rates[limit] * dt
        t += dt
    return t + seconds / MEASURED["jobs_per_invocation"], max(held, key=held.get), held


def fire(members, campuses):
    """The schedule's run, before the prompt's time: pages of ~10,000 members (1 MB), jobs 10 to a SendMessageBatch."""
    per_campus = members / campuses
    pages = math.ceil(per_campus / 10000)
    sends = math.ceil(per_campus / (MEASURED["members_per_job"] * 10))
    one = pages * ASSUMED["query_page"] + sends * ASSUMED["send_batch"] + 2 * ASSUMED["query"]
    return math.ceil(campuses / 16) * one  # PromptPlanner: 16 campuses at once


def rush(posters=10000, window=120.0, shards=1, front_loaded=False, sends_per_publish=10):
    """The moments stream after the prompt: the oldest record's age (the iterator age) at worst, in seconds.

    A publish fans out with FanoutCostIT's calls for 100 friends: 4 Queries (friend pages, blocks both ways),
    5 BatchWriteItems (101 entries), and 10 SendMessageBatches of new_moment jobs (1 with jobs for many).
    Other records (pending, image ready, counts) are read and skipped."""
    fanout = 4 * ASSUMED["query"] + 5 * ASSUMED["batch_write"] + sends_per_publish * ASSUMED["send_batch"]
    capacity = shards * QUOTAS["stream_parallelization"] / fanout  # publishes a second
    backlog, t, dt, worst = 0.0, 0.0, 0.1, 0.0
    arrivals = []
    while t < window or backlog > 0:
        if t < window:
            rate = posters / window
            if front_loaded:  # half of them in the first 30 s
                rate = (posters / 2) / 30 if t < 30 else (posters / 2) / (window - 30)
        else:
            rate = 0
        backlog += rate * dt
        arrivals.append((t, rate * dt))
        served = min(backlog, capacity * dt)
        backlog -= served
        # age of the oldest record waiting: how long ago the backlog's first arrival came
        left, age = backlog, 0.0
        for at, n in reversed(arrivals):
            left -= n
            if left <= 0:
                age = t - at
                break
        worst = max(worst, age)
        t += dt
        if t > 3600:
            break
    return worst, capacity, fanout


# ----------------------------------------------------------------------------------------------- prices
PRICES = {  # us-east-1 list prices
    "lambda_gb_s": 0.0000166667, "lambda_request": 0.20e-6, "http_api_request": 1.00e-6,
    "wru": 0.625e-6, "rru": 0.125e-6, "sqs_request": 0.40e-6, "sns_publish": 0.50e-6, "sns_mobile_push": 0.50e-6,
    "s3_put": 0.005e-3, "s3_get": 0.0004e-3, "s3_gb_month": 0.023, "logs_gb": 0.50, "xray_trace": 5.00e-6,
}


def day_cost(users=10000, friends=100, per_post=None):
    """One day: every user gets the prompt, posts once (to friends) and their friends are notified."""
    posts = users
    new_moment = posts * friends  # one job each (FeedFanout sends single-recipient jobs)
    rows = []

    def row(what, service, units, price, note):
        rows.append((what, service, units, units * price, note))

    # the prompt
    row("prompt: inbox items", "DynamoDB", users * MEASURED["wru_per_member"], PRICES["wru"], "2 WRU each (transaction)")
    row("prompt: settings and device lists", "DynamoDB", users * MEASURED["rru_per_member"], PRICES["rru"], "")
    row("prompt: pushes", "SNS", users, PRICES["sns_publish"] + PRICES["sns_mobile_push"], "Publish + mobile delivery")
    row("prompt: jobs", "SQS", users / 100 * 3, PRICES["sqs_request"], "send, receive, delete (1/100 a member each)")
    row("prompt: dispatcher", "Lambda", users / 1000 * invocation_seconds()[0] * 1.0, PRICES["lambda_gb_s"], "1 GB")
    # posting a moment (per_post: calls measured by load.sh for one post; fan-out by FanoutCostIT's formulas)
    p = per_post or {}
    row("post: API requests", "API Gateway", posts * p.get("api", 2), PRICES["http_api_request"],
        "POST /moments, GET /moments/{id}")
    row("post: API functions", "Lambda", posts * p.get("api", 2) * 0.05 * 1.0, PRICES["lambda_gb_s"], "~50 ms, 1 GB")
    row("post: photo upload and processing", "S3", posts * 3, PRICES["s3_put"], "upload, display, thumbnail PUTs")
    row("post: photo read by the processor", "S3", posts, PRICES["s3_get"], "")
    row("post: upload processor", "Lambda", posts * 0.5 * 1.769, PRICES["lambda_gb_s"], "~0.5 s at 1769 MB")
    row("post: moment writes", "DynamoDB", posts * p.get("moment_wru", 6), PRICES["wru"],
        "create, image ready, publish, quota counter")
    row("post: feed entries", "DynamoDB", posts * (friends + 1), PRICES["wru"], "one per friend and the author")
    row("post: friends read", "DynamoDB", posts * p.get("fanout_rru", 8), PRICES["rru"], "friend pages and blocks")
    row("post: fan-out", "Lambda", posts * (4 * ASSUMED["query"] + 5 * ASSUMED["batch_write"]
                                            + 10 * ASSUMED["send_batch"]) * 1.0, PRICES["lambda_gb_s"], "")
    row("friends notified: jobs", "SQS", new_moment / 10 * 3, PRICES["sqs_request"], "10 a batch: send, receive, delete")
    row("friends notified: inbox items", "DynamoDB", new_moment * 2, PRICES["wru"], "10 a transaction, 2 WRU each")
    row("friends notified: reads", "DynamoDB", new_moment * 6, PRICES["rru"],
        "6 strongly consistent keys a job (blocks, profiles, settings, devices)")
    row("friends notified: pushes", "SNS", new_moment, PRICES["sns_publish"] + PRICES["sns_mobile_push"], "")
    row("friends notified: dispatcher", "Lambda", new_moment / 10 * 0.15 * 1.0, PRICES["lambda_gb_s"],
        "~150 ms a batch of 10")
    invocations = users / 1000 + posts * (p.get("api", 2) + 1 + 3) + new_moment / 10
    row("every invocation traced", "X-Ray", invocations, PRICES["xray_trace"], "Tracing: Active")
    row("every invocation logged", "CloudWatch Logs", invocations * 3 * 400 / 1e9, PRICES["logs_gb"],
        "~3 lines of ~400 bytes")
    row("new photos kept (a day's worth, per month)", "S3", posts * 0.2e-3 / 30, PRICES["s3_gb_month"],
        "~200 KB display + thumbnail")
    return rows


def main():
    seconds, per = invocation_seconds()
    print(f"one dispatcher invocation: {per} members in {seconds:.2f} s ({per / seconds:.0f} members/s)")
    print()
    print("| members | mode | schedule run (before the prompt) | prompt to last push | held back by |")
    print("|---|---|---|---|---|")
    for members, campuses in ((50000, 1), (1000000, 200)):
        provisioned = QUOTAS["provisioned_per_poller"] * QUOTAS["min_pollers"]
        for label, start, ramp, most in (
                ("provisioned pollers (the template: 2 ready)", provisioned, QUOTAS["provisioned_ramp_per_s"],
                 QUOTAS["provisioned_max"]),
                ("standard scaling, +300 a minute as a steady rate", QUOTAS["esm_start"], QUOTAS["esm_ramp_per_s"],
                 QUOTAS["esm_max"]),
                ("standard scaling, read as +300 at each minute's end", QUOTAS["esm_start"], 0.0, QUOTAS["esm_max"])):
            t, limit, held = burst(members, start, ramp, most=most)
            print(f"| {members:,} ({campuses} campus{'es' if campuses > 1 else ''}) | {label} | "
                  f"{fire(members, campuses):.1f} s | {t:.1f} s | {limit} "
                  f"({', '.join(f'{k} {v:.0f} s' for k, v in held.items())}) |")
        t, limit, _ = burst(members, QUOTAS["provisioned_per_poller"] * QUOTAS["min_pollers"],
                            QUOTAS["provisioned_ramp_per_s"], warm=False, most=QUOTAS["provisioned_max"])
        print(f"| {members:,} | provisioned, NotificationsTable not warmed (a new table: 4,000 writes/s) | | "
              f"{t:.1f} s | {limit} |")
    print()
    print("| rush: 10,000 posts in 2 minutes | shards | publishes/s the fan-out drains | worst iterator age |")
    print("|---|---|---|---|")
    for front in (False, True):
        for sends, label in ((10, "single-recipient new_moment jobs (today)"), (1, "jobs for many (suggested)")):
            for shards in (1, 2, 4):
                age, capacity, fanout = rush(shards=shards, front_loaded=front, sends_per_publish=sends)
                print(f"| {'half in the first 30 s' if front else 'even'}, {label} | {shards} | {capacity:.0f} "
                      f"({fanout * 1000:.0f} ms a publish) | {age:.0f} s |")
    print()
    rows = day_cost()
    total = sum(r[3] for r in rows)
    print("| what | service | units | USD a day | note |")
    print("|---|---|---|---|---|")
    for what, service, units, usd, note in rows:
        shown = f"{units:,.0f}" if units >= 10 else f"{units:.3f}"
        print(f"| {what} | {service} | {shown} | {usd:.4f} | {note} |")
    print(f"| **total** | | | **{total:.2f}** | |")


if __name__ == "__main__":
    main()
