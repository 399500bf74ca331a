"""One-off migration for stacks deployed before verified campuses (issue 13).

Before verification, `PUT /me` wrote whatever campus a caller typed: the profile's `campusId`, a member
item `CAMPUS#{c} / MEMBER#{u}` and a registry item `CAMPUSES / CAMPUS#{c}` with nothing but the id. The
code already ignores a profile campus without `campusVerifiedAt`; this removes what is left:

- `campusId` of profiles that carry no `campusVerifiedAt` (removed with a condition, so a member who
  verifies meanwhile keeps theirs);
- member items whose user is not a verified member of that campus (the daily prompt reads them);
- registry items without a `timeZone` (typed slugs, not campuses): listed, and deleted with
  --delete-unregistered once an admin has re-created the real ones with PUT /admin/campuses/{campusId}.

Dry run by default: it prints what it would change. --apply changes it. Safe to run again.

    python scripts/migrate_campus_verification.py --table <UsersTable name> [--apply] [--delete-unregistered]
    (local stack: --endpoint http://127.0.0.1:4566 --region us-east-1)
"""
import argparse
import sys

import boto3
from botocore.exceptions import ClientError


def scan(table):
    kwargs = {}
    while True:
        page = table.scan(**kwargs)
        yield from page["Items"]
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def migrate(table, apply=False, delete_unregistered=False, out=print):
    """Returns the counts of what was (or, in a dry run, would be) changed."""
    counts = {"profiles": 0, "members": 0, "unregistered": 0}
    profiles, members, registry = {}, [], []
    for item in scan(table):
        pk, sk = item["pk"], item["sk"]
        if sk == "PROFILE" and pk.startswith("USER#"):
            profiles[pk[len("USER#"):]] = item
        elif pk.startswith("CAMPUS#") and sk.startswith("MEMBER#"):
            members.append(item)
        elif pk == "CAMPUSES" and sk.startswith("CAMPUS#"):
            registry.append(item)

    for user, profile in profiles.items():
        if "campusId" in profile and "campusVerifiedAt" not in profile:
            counts["profiles"] += 1
            out(f"profile {user}: remove unverified campusId {profile['campusId']}")
            if apply:
                try:
                    table.update_item(Key={"pk": profile["pk"], "sk": "PROFILE"}, UpdateExpression="REMOVE campusId",
                                      ConditionExpression="attribute_not_exists(campusVerifiedAt)")
                except ClientError as e:
                    if e.response["Error"]["Code"] != "ConditionalCheckFailedException":
                        raise
                    out(f"profile {user}: verified meanwhile, kept")

    for member in members:
        campus, user = member["pk"][len("CAMPUS#"):], member["sk"][len("MEMBER#"):]
        profile = profiles.get(user, {})
        if profile.get("campusId") == campus and "campusVerifiedAt" in profile:
            continue
        counts["members"] += 1
        out(f"member {user} of {campus}: not verified, delete")
        if apply:
            table.delete_item(Key={"pk": member["pk"], "sk": member["sk"]})

    for entry in registry:
        if "timeZone" in entry:
            continue
        counts["unregistered"] += 1
        out(f"registry {entry['sk'][len('CAMPUS#'):]}: no time zone (a typed slug, not a campus)"
            + (", delete" if delete_unregistered else ", kept: re-create it with PUT /admin/campuses or pass --delete-unregistered"))
        if apply and delete_unregistered:
            table.delete_item(Key={"pk": entry["pk"], "sk": entry["sk"]})
    return counts


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", required=True, help="the stack's UsersTable name")
    parser.add_argument("--apply", action="store_true", help="change the items (default: a dry run)")
    parser.add_argument("--delete-unregistered", action="store_true", help="also delete registry items without a time zone")
    parser.add_argument("--endpoint", help="an emulator endpoint, for a local stack")
    parser.add_argument("--region")
    args = parser.parse_args(argv)
    table = boto3.resource("dynamodb", endpoint_url=args.endpoint, region_name=args.region).Table(args.table)
    counts = migrate(table, apply=args.apply, delete_unregistered=args.delete_unregistered)
    verb = "changed" if args.apply else "would change (dry run; --apply to change)"
    print(f"{verb}: {counts['profiles']} profile(s), {counts['members']} member item(s), "
          f"{counts['unregistered']} registry item(s) without a time zone")


if __name__ == "__main__":
    main(sys.argv[1:])
