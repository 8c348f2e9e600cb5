"""moto's server (PyPI `moto[server]`), started with CloudFormation models for the resource types moto 5.2 lacks.

moto skips a resource type it has no CloudFormation model for: the resource is never created, a `Ref` to it
resolves to nothing, so dependants (an API method whose integration URI names a Lambda alias, a permission on
that alias) are created half-formed and the stack cannot deploy. Each model below is a *record only*: it gives
the resource a physical ID and the `Ref`/`Fn::GetAtt` values AWS documents, stores its properties, and does
nothing in moto's service backends. The list is served at GET /infra-review/emulated-types so the dashboard can
say which resources of a deployed stack moto only recorded. Everything else is moto's own behaviour.
"""
import hashlib
import json
import os
import sys
import uuid
from typing import Any

from moto.core.common_models import CloudFormationModel


def _short_id(prefix: str = "") -> str:
    return prefix + uuid.uuid4().hex[:13].upper()


# moto's model metaclass files each model under the service named by its module's second dotted part.
MODULE = "moto.infra_review"


class _Recorded:
    """Shared behaviour of the record-only models; each concrete class also subclasses CloudFormationModel directly,
    because moto discovers models through CloudFormationModel.__subclasses__()."""

    IN_BACKEND = False
    ATTRIBUTES: dict[str, str] = {}

    def __init__(self, name: str, properties: dict[str, Any], account_id: str, region: str):
        self.name = name
        self.properties = properties
        self.account_id = account_id
        self.region = region
        self.id = self.make_id()

    def make_id(self) -> str:
        return self.name

    def ref(self) -> str:
        return self.id

    @property
    def physical_resource_id(self) -> str:
        return self.ref()

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in cls.ATTRIBUTES

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        return getattr(self, self.ATTRIBUTES[attribute_name])

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        return cls(resource_name, cloudformation_json.get("Properties", {}), account_id, region_name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        original_resource.properties = cloudformation_json.get("Properties", {})
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        return None

    def delete(self, account_id: str, region_name: str) -> None:
        return None

    def is_created(self) -> bool:
        return True


class ApiGatewayStage(_Recorded, CloudFormationModel):
    __module__ = MODULE
    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ApiGateway::Stage"

    def make_id(self) -> str:
        return self.properties.get("StageName") or self.name


class CloudFrontCachePolicy(_Recorded, CloudFormationModel):
    __module__ = MODULE
    ATTRIBUTES = {"Id": "id", "LastModifiedTime": "modified"}
    modified = "2026-01-01T00:00:00Z"

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudFront::CachePolicy"

    def make_id(self) -> str:
        return str(uuid.uuid4())


class CloudFrontDistribution(_Recorded, CloudFormationModel):
    __module__ = MODULE
    ATTRIBUTES = {"Id": "id", "DomainName": "domain_name"}

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudFront::Distribution"

    def make_id(self) -> str:
        return _short_id("E")

    @property
    def domain_name(self) -> str:
        return f"d{self.id[1:].lower()}.cloudfront.net"


class CloudWatchAlarm(_Recorded, CloudFormationModel):
    __module__ = MODULE
    ATTRIBUTES = {"Arn": "arn"}

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudWatch::Alarm"

    def make_id(self) -> str:
        return self.properties.get("AlarmName") or self.name

    @property
    def arn(self) -> str:
        return f"arn:aws:cloudwatch:{self.region}:{self.account_id}:alarm:{self.id}"


class LambdaAlias(_Recorded, CloudFormationModel):
    """Not record-only: creates, updates and deletes the alias in moto's Lambda backend, so a permission or an
    API integration naming the alias finds it."""

    __module__ = MODULE
    IN_BACKEND = True
    ATTRIBUTES = {"AliasArn": "id"}

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::Lambda::Alias"

    def make_id(self) -> str:
        return self.apply(create=True).arn

    def apply(self, create: bool):
        from moto.awslambda.models import lambda_backends

        backend = lambda_backends[self.account_id][self.region]
        action = backend.create_alias if create else backend.update_alias
        return action(
            name=self.properties["Name"], function_name=self.properties["FunctionName"],
            function_version=str(self.properties.get("FunctionVersion", "$LATEST")),
            description=self.properties.get("Description", ""), routing_config=self.properties.get("RoutingConfig"),
        )

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        original_resource.properties = cloudformation_json.get("Properties", {})
        original_resource.id = original_resource.apply(create=False).arn
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        from moto.awslambda.models import lambda_backends

        properties = cloudformation_json.get("Properties", {})
        lambda_backends[account_id][region_name].delete_alias(properties["Name"], properties["FunctionName"])

    def delete(self, account_id: str, region_name: str) -> None:
        from moto.awslambda.models import lambda_backends

        lambda_backends[account_id][region_name].delete_alias(self.properties["Name"], self.properties["FunctionName"])


def _policy(cfn_type: str):
    """A record-only model for a resource policy type (Ref: a generated ID, no attributes)."""
    name = cfn_type.replace("AWS::", "").replace("::", "")
    return type(name, (_Recorded, CloudFormationModel), {
        "__module__": MODULE,
        "cloudformation_type": staticmethod(lambda: cfn_type),
        "make_id": lambda self: _short_id(self.name[:20] + "-"),
    })


S3BucketPolicy = _policy("AWS::S3::BucketPolicy")
SnsTopicPolicy = _policy("AWS::SNS::TopicPolicy")
SqsQueuePolicy = _policy("AWS::SQS::QueuePolicy")

def _complete_lambda_version() -> None:
    """moto models AWS::Lambda::Version (it publishes a real version) but gives it no `Fn::GetAtt Version` and no
    physical ID; add both, as AWS documents them (Ref: the version's ARN)."""
    from moto.awslambda import models

    original_create = models.LambdaVersion.create_from_cloudformation_json.__func__

    def create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        version = original_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        function = models.lambda_backends[account_id][region_name].get_function(cloudformation_json["Properties"]["FunctionName"])
        version.arn = f"{function.function_arn}:{version.version}"
        return version

    models.LambdaVersion.create_from_cloudformation_json = classmethod(create)
    models.LambdaVersion.has_cfn_attr = classmethod(lambda cls, attr: attr == "Version")
    models.LambdaVersion.get_cfn_attribute = lambda self, attr: self.version
    models.LambdaVersion.physical_resource_id = property(lambda self: self.arn)
    models.LambdaVersion.FunctionArn = property(lambda self: self.arn)


def _order_change_set_adds_by_depends_on() -> None:
    """moto's CreateStack honours DependsOn, but executing a change set adds resources in template order; an API
    Gateway deployment listed before its methods then fails with "The REST API doesn't contain any methods".
    Order the additions as CreateStack does (dependencies first)."""
    from moto.cloudformation import parsing

    original = parsing.ResourceMap.build_resource_diff

    def build_resource_diff(self, other_template, parameters=None):
        actions = original(self, other_template, parameters)
        resources = other_template.get("Resources", {})
        ordered: list[str] = []

        def visit(name: str, seen: set) -> None:
            if name in seen or name not in resources:
                return
            seen.add(name)
            depends_on = resources[name].get("DependsOn", [])
            for dependency in [depends_on] if isinstance(depends_on, str) else depends_on:
                visit(dependency, seen)
            ordered.append(name)

        visited: set = set()
        for name in resources:
            visit(name, visited)
        added = set(actions["Add"])
        actions["Add"] = [name for name in ordered if name in added]
        return actions

    parsing.ResourceMap.build_resource_diff = build_resource_diff


def _refresh_outputs_after_change_set() -> None:
    """moto's UpdateStack re-reads the template and its Outputs, but ExecuteChangeSet does not: the stack keeps the
    outputs (none, for a CREATE change set) of the template it had before. Re-read both after execution."""
    from moto.cloudformation import models

    original = models.CloudFormationBackend.execute_change_set

    def execute_change_set(self, change_set_name, stack_name=None):
        original(self, change_set_name, stack_name)
        change_set = self.change_sets.get(change_set_name) or next(
            (cs for cs in self.change_sets.values() if cs.change_set_name == change_set_name), None)
        if change_set is not None:
            stack = self.stacks[change_set.stack_id]
            stack._parse_template()
            stack.output_map = stack._create_output_map()

    models.CloudFormationBackend.execute_change_set = execute_change_set


def _resource_events_during_change_sets() -> None:
    """moto's stacks get stack-level events only. While a change set executes, record one IN_PROGRESS and one COMPLETE
    (or, for a creation, FAILED with the error) event per resource it creates, updates or deletes, as CloudFormation
    does. Updates and deletions that moto retries (dependency order) record no FAILED event for an attempt that a
    later pass completes."""
    from moto.cloudformation import models, parsing

    executing: dict[str, Any] = {}
    original_apply = models.ChangeSet.apply

    def apply(self):
        executing[self.stack.stack_id] = self.stack
        try:
            original_apply(self)
        finally:
            executing.pop(self.stack.stack_id, None)

    def record(resources_map, logical_id: str, resource_type: str, status: str, physical_id: str = "", reason=None) -> None:
        stack = executing.get(resources_map.stack_id)
        if stack is None:
            return
        stack.events.append(models.Event(stack.stack_id, stack.name, logical_id, physical_id, resource_type, status, reason, None))

    def physical_id_of(resource) -> str:
        try:
            return str(resource.physical_resource_id or "")
        except Exception:
            return ""

    def watched(operation: str, original, records_failure: bool):
        started: set = set()

        def run(logical_id, resource_json, resources_map, *args, **kwargs):
            resource_type = resource_json.get("Type", "") if isinstance(resource_json, dict) else ""
            key = (resources_map.stack_id, logical_id, operation)
            if key not in started:
                started.add(key)
                record(resources_map, logical_id, resource_type, f"{operation}_IN_PROGRESS")
            try:
                resource = original(logical_id, resource_json, resources_map, *args, **kwargs)
            except Exception as error:
                if records_failure:
                    started.discard(key)
                    record(resources_map, logical_id, resource_type, f"{operation}_FAILED", reason=str(error) or type(error).__name__)
                raise
            started.discard(key)
            record(resources_map, logical_id, resource_type, f"{operation}_COMPLETE", physical_id_of(resource))
            return resource

        return run

    models.ChangeSet.apply = apply
    parsing.parse_and_create_resource = watched("CREATE", parsing.parse_and_create_resource, True)
    parsing.parse_and_update_resource = watched("UPDATE", parsing.parse_and_update_resource, False)
    original_delete = parsing.ResourceMap._delete_resource

    watched_delete = watched(
        "DELETE", lambda _logical_id, resource_json, resources_map, parsed: original_delete(resources_map, parsed, resource_json), False
    )

    def delete_resource(self, parsed_resource, resource_json):
        logical_id = getattr(parsed_resource, "logical_resource_id", None) or physical_id_of(parsed_resource)
        watched_delete(logical_id, resource_json, self, parsed_resource)

    parsing.ResourceMap._delete_resource = delete_resource


PATCHED_TYPES = [
    "AWS::Lambda::Version (Fn::GetAtt Version, physical ID)",
    "ExecuteChangeSet (DependsOn order, outputs, per-resource events)",
]
# ensure-moto.sh restarts a launcher whose source changed since it started (it compares this with the file's hash).
with open(__file__, "rb") as source:
    LAUNCHER_HASH = hashlib.sha256(source.read()).hexdigest()
ADDED_MODELS = _Recorded.__subclasses__()
RECORDED_TYPES = sorted(cls.cloudformation_type() for cls in ADDED_MODELS if not cls.IN_BACKEND)
BACKED_TYPES = sorted(cls.cloudformation_type() for cls in ADDED_MODELS if cls.IN_BACKEND)


def main() -> None:
    # A long-lived server must not keep descriptors its starter inherited (e.g. a flock held around a test run).
    os.closerange(3, 1024)
    from moto.cloudformation import parsing

    shadowed = [t for t in RECORDED_TYPES + BACKED_TYPES if t in parsing.get_model_map() and parsing.get_model_map()[t].__module__ != MODULE]
    if shadowed:  # moto grew a real model: ours must not hide it
        raise SystemExit(f"moto now models {shadowed}; remove them from scripts/moto/server.py")
    _complete_lambda_version()
    _order_change_set_adds_by_depends_on()
    _refresh_outputs_after_change_set()
    _resource_events_during_change_sets()
    from moto import server

    class Dispatcher(server.DomainDispatcherApplication):
        def __call__(self, environ, start_response):
            if environ.get("PATH_INFO") == "/infra-review/emulated-types":
                body = json.dumps(
                    {"recordedOnly": RECORDED_TYPES, "addedWithBackend": BACKED_TYPES, "completed": PATCHED_TYPES, "launcher": LAUNCHER_HASH}
                ).encode()
                start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
                return [body]
            return super().__call__(environ, start_response)

    server.DomainDispatcherApplication = Dispatcher
    server.main(sys.argv[1:])


if __name__ == "__main__":
    main()
