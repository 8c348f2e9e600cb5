"""cfn-lint's E3019 (unique primary identifiers, 1.58.0) in linear time: the published rule compares every resource of a
type with every one seen before it (5,000 buckets: 12.5 million comparisons, most of a 5,000-resource template's time).

`validate_resource_type_uniqueness` is the rule's own method with one change: a resource whose identifier values are
all strings (str or cfn-lint's str nodes; not "true"/"false" in any case) is compared only with the earlier resources whose values are the
same strings, and with the earlier resources of any other kind. cfn-lint's `equal` compares a plain string with
anything through `str()`, so two such strings are equal exactly when they are the same string; every comparison the
published rule makes between resources that could be equal is still made, with the same `equal`, in the same order of
creation, so the matches are the same (tests compare them on corpus templates and on templates with conditions).
"""

from copy import copy

from cfnlint.jsonschema._utils import equal
from cfnlint.rules import RuleMatch


class _Seen:
    __slots__ = ("conditions", "resources", "instance", "order")

    def __init__(self, conditions, resources, instance, order):
        self.conditions = conditions
        self.resources = resources
        self.instance = instance
        self.order = order


def _string_key(identifiers):
    """The identifier values as a tuple when every one is a plain string, else None (compared the published way)."""
    values = tuple(identifiers.values())
    for value in values:
        if not isinstance(value, str) or value.lower() in ("true", "false"):
            return None
    return tuple(str(value) for value in values)


def validate_resource_type_uniqueness(self, cfn, resource_type, ids):
    matches = []
    seens = []
    by_strings = {}
    others = []
    for resource_name, resource_attributes in cfn.get_resources(resource_type).items():
        condition = resource_attributes.get("Condition")
        properties = resource_attributes.get("Properties", {})
        for scenario in cfn.get_object_without_conditions(properties):
            object = scenario.get("Object")
            conditions = scenario.get("Scenario")
            if conditions is None:
                conditions = {}
            conditions = {k: set([v]) for k, v in conditions.items()}
            if condition:
                if scenario:
                    if not cfn.conditions.check_implies(scenario, condition):
                        continue
                conditions[condition] = set([True])
            if not isinstance(object, dict):
                continue
            identifiers = {id: object.get(id) for id in ids}
            if any(identifier is None for identifier in identifiers.values()):
                continue
            element = _Seen(conditions, set([resource_name]), identifiers, len(seens))
            key = _string_key(identifiers)
            # Creation order, as the published rule visits them: a resource is added to every earlier equal one.
            candidates = seens if key is None else sorted(by_strings.get(key, []) + others, key=lambda s: s.order)
            found = False
            for seen in candidates:
                if equal(seen.instance, element.instance):
                    try:
                        merged_conditions = self._merge_conditions(copy(seen.conditions), copy(element.conditions))
                        if not merged_conditions:
                            found = True
                            seen.resources.add(resource_name)
                        for _ in cfn.conditions.build_scenarios(merged_conditions):
                            seen.resources.add(resource_name)
                            if equal(element.conditions, seen.conditions):
                                found = True
                            break
                    except ValueError:
                        continue
            if not found:
                seens.append(element)
                if key is None:
                    others.append(element)
                else:
                    by_strings.setdefault(key, []).append(element)

    for seen in seens:
        if len(seen.resources) > 1:
            for resource in seen.resources:
                path = ["Resources", resource, "Properties"]
                if len(seen.instance) == 1:
                    path.append(list(seen.instance.keys())[0])
                message = (
                    f"Primary identifiers {seen.instance!r} should have unique values across the resources "
                    f"{seen.resources!r}"
                )
                matches.append(RuleMatch(path, message))
    return matches
