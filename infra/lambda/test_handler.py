"""Unit tests of handler.py with boto3 replaced by in-memory fakes (no AWS, no network)."""
import importlib
import json
import os
import sys
import types
import unittest


class FakeTable:
    def __init__(self):
        self.items = {}

    def get_item(self, Key):
        item = self.items.get(Key["id"])
        return {"Item": item} if item else {}

    def put_item(self, Item):
        self.items[Item["id"]] = Item


class FakeS3:
    def __init__(self):
        self.objects = {}

    def put_object(self, **kwargs):
        self.objects[(kwargs["Bucket"], kwargs["Key"])] = kwargs


def load_handler():
    table, s3 = FakeTable(), FakeS3()
    fake_boto3 = types.ModuleType("boto3")
    fake_boto3.resource = lambda name: types.SimpleNamespace(Table=lambda table_name: table)
    fake_boto3.client = lambda name: s3
    sys.modules["boto3"] = fake_boto3
    os.environ.update(DYNAMODB_TABLE_NAME="items", BUCKET_NAME="archive")
    sys.path.insert(0, os.path.dirname(__file__))
    module = importlib.reload(importlib.import_module("handler"))
    return module, table, s3


def event(method, path, body=None):
    return {"httpMethod": method, "path": path, "body": body}


class HandlerTest(unittest.TestCase):
    def setUp(self):
        self.module, self.table, self.s3 = load_handler()

    def call(self, *args):
        response = self.module.handler(event(*args), None)
        return response["statusCode"], json.loads(response["body"])

    def test_put_then_get_returns_the_item_with_numbers_intact(self):
        self.assertEqual(self.call("PUT", "/items/a1", '{"name": "x", "price": 1.5, "qty": 2}')[0], 200)
        self.assertEqual(self.call("GET", "/items/a1"), (200, {"id": "a1", "name": "x", "price": 1.5, "qty": 2}))

    def test_post_takes_the_id_from_the_body(self):
        self.assertEqual(self.call("POST", "/items", '{"id": "b2"}'), (200, {"id": "b2"}))
        self.assertIn("b2", self.table.items)

    def test_writes_archive_a_copy_with_server_side_encryption(self):
        self.call("PUT", "/items/c3", "{}")
        upload = self.s3.objects[("archive", "items/c3.json")]
        self.assertEqual(upload["ServerSideEncryption"], "AES256")
        self.assertEqual(json.loads(upload["Body"]), {"id": "c3"})

    def test_missing_item_is_404(self):
        self.assertEqual(self.call("GET", "/items/none")[0], 404)

    def test_bad_requests_are_rejected(self):
        self.assertEqual(self.call("PUT", "/items/d4", "not json")[0], 400)
        self.assertEqual(self.call("POST", "/items", '{"name": "no id"}')[0], 400)
        self.assertEqual(self.call("DELETE", "/items/d4")[0], 405)
        self.assertEqual(self.call("GET", "/other")[0], 404)


if __name__ == "__main__":
    unittest.main()
