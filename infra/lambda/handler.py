"""Items API behind API Gateway (proxy integration).

GET /items/{id}         read one item from the table
PUT /items/{id}         write the JSON body as the item, archive a copy to the bucket
POST /items             same, the id taken from the body
"""
import json
import os
from decimal import Decimal

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["DYNAMODB_TABLE_NAME"])
BUCKET = os.environ["BUCKET_NAME"]
S3 = boto3.client("s3")


def _json_number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def respond(status, body):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body, default=_json_number),
    }


def get_item(item_id):
    item = TABLE.get_item(Key={"id": item_id}).get("Item")
    return respond(200, item) if item else respond(404, {"message": f"item {item_id} not found"})


def put_item(item_id, raw_body):
    try:
        item = json.loads(raw_body or "{}", parse_float=Decimal)
    except json.JSONDecodeError:
        return respond(400, {"message": "body must be JSON"})
    if not isinstance(item, dict):
        return respond(400, {"message": "body must be a JSON object"})
    item_id = item_id or item.get("id")
    if not isinstance(item_id, str) or not item_id:
        return respond(400, {"message": "id is required"})
    item["id"] = item_id
    TABLE.put_item(Item=item)
    # The bucket policy rejects uploads that do not ask for server-side encryption.
    S3.put_object(
        Bucket=BUCKET,
        Key=f"items/{item_id}.json",
        Body=json.dumps(item, default=_json_number).encode(),
        ContentType="application/json",
        ServerSideEncryption="AES256",
    )
    return respond(200, item)


def handler(event, _context):
    method = event.get("httpMethod", "GET")
    parts = [p for p in (event.get("path") or "/").split("/") if p]
    if parts[:1] != ["items"] or len(parts) > 2:
        return respond(404, {"message": "not found"})
    item_id = parts[1] if len(parts) == 2 else None
    if method == "GET" and item_id:
        return get_item(item_id)
    if method == "PUT" and item_id or method == "POST" and not item_id:
        return put_item(item_id, event.get("body"))
    return respond(405, {"message": f"{method} not allowed on {event.get('path')}"})
