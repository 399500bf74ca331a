"""The migration against moto's DynamoDB: run by `make test` (python -m unittest)."""
import os
import unittest

import boto3
from moto import mock_aws

from migrate_campus_verification import migrate


@mock_aws
class MigrateCampusVerificationTest(unittest.TestCase):

    def setUp(self):
        os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
        dynamo = boto3.resource("dynamodb", region_name="us-east-1")
        self.table = dynamo.create_table(TableName="users", BillingMode="PAY_PER_REQUEST",
                                         KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                                                    {"AttributeName": "sk", "KeyType": "RANGE"}],
                                         AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                                               {"AttributeName": "sk", "AttributeType": "S"}])
        items = [
            {"pk": "USER#typed", "sk": "PROFILE", "handle": "typed", "campusId": "north"},
            {"pk": "USER#verified", "sk": "PROFILE", "handle": "v", "campusId": "north",
             "campusVerifiedAt": "2026-12-01T00:00:00Z"},
            {"pk": "USER#none", "sk": "PROFILE", "handle": "none"},
            {"pk": "CAMPUS#north", "sk": "MEMBER#typed", "userId": "typed"},
            {"pk": "CAMPUS#north", "sk": "MEMBER#verified", "userId": "verified"},
            {"pk": "CAMPUS#south", "sk": "MEMBER#verified", "userId": "verified"},
            {"pk": "CAMPUSES", "sk": "CAMPUS#north", "campusId": "north", "timeZone": "America/New_York"},
            {"pk": "CAMPUSES", "sk": "CAMPUS#typo", "campusId": "typo"},
        ]
        for item in items:
            self.table.put_item(Item=item)

    def keys(self):
        return sorted((i["pk"], i["sk"]) for i in self.table.scan()["Items"])

    def test_a_dry_run_changes_nothing(self):
        before = self.keys()
        counts = migrate(self.table, out=lambda line: None)
        self.assertEqual({"profiles": 1, "members": 2, "unregistered": 1}, counts)
        self.assertEqual(before, self.keys())
        self.assertIn("campusId", self.table.get_item(Key={"pk": "USER#typed", "sk": "PROFILE"})["Item"])

    def test_apply_leaves_only_verified_membership_and_runs_twice(self):
        migrate(self.table, apply=True, delete_unregistered=True, out=lambda line: None)
        self.assertNotIn("campusId", self.table.get_item(Key={"pk": "USER#typed", "sk": "PROFILE"})["Item"])
        self.assertEqual("north", self.table.get_item(Key={"pk": "USER#verified", "sk": "PROFILE"})["Item"]["campusId"])
        keys = self.keys()
        self.assertIn(("CAMPUS#north", "MEMBER#verified"), keys)
        self.assertNotIn(("CAMPUS#north", "MEMBER#typed"), keys)
        self.assertNotIn(("CAMPUS#south", "MEMBER#verified"), keys)
        self.assertIn(("CAMPUSES", "CAMPUS#north"), keys)
        self.assertNotIn(("CAMPUSES", "CAMPUS#typo"), keys)
        self.assertEqual({"profiles": 0, "members": 0, "unregistered": 0},
                         migrate(self.table, apply=True, delete_unregistered=True, out=lambda line: None))

    def test_registry_slugs_stay_unless_asked(self):
        migrate(self.table, apply=True, out=lambda line: None)
        self.assertIn(("CAMPUSES", "CAMPUS#typo"), self.keys())


if __name__ == "__main__":
    unittest.main()
