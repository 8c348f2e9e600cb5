"""Makes cfn-lint faster in a long-lived process without changing what it reports (lib/rules/cfn-lint/worker.py).

Profiling the worker on a 40-resource template showed costs that repeat for every template and give the same
answer each time:
- `cfnlint.jsonschema.validators.create` builds a new dataclass (exec of generated __init__, __eq__, ...) each time a
  rule extends its validator: hundreds of classes per template, from about ten distinct argument sets;
- `Validator.evolve` and `Context.evolve` call `dataclasses.fields(cls)` on every step into a schema or a value
  (tens of thousands of calls per template), although a class's fields never change;
- each rule that extends its validator first builds it around an empty Template, then replaces that (extend_validator).
`install()` memoizes the first two, passes an extended validator's final Template, context and resolver to its
constructor, and makes both `evolve` methods copy the instance's fields instead of calling the
generated `__init__` with every field (the same values: neither class has fields that `__init__` derives, and the
validator's `__post_init__` still runs). A class made by `create` depends only on its arguments (validators, the function filter's
settings, resolvers), so an equal set of arguments may share one class. Checked by tests that compare the matches
with and without the speed-ups.
"""

import dataclasses
import weakref

import cfnlint.context.context as context_module
import cfnlint.jsonschema.validators as validators_module
import cfnlint.rules.jsonschema.Base as base_module
from cfnlint.jsonschema._utils import Unset
from cfnlint.schema.resolver import RefResolver

import unique_ids  # beside this file

_original_create = validators_module.create
_classes = {}
_fields = weakref.WeakKeyDictionary()


def _settings(function_filter):
    """The function filter's settings as a hashable value (the filter is a mutable dataclass, equal by value)."""
    if function_filter is None:
        return None
    values = (getattr(function_filter, f.name) for f in dataclasses.fields(function_filter))
    return (type(function_filter),) + tuple(tuple(v) if isinstance(v, list) else v for v in values)


def create(validators=None, function_filter=None, fn_resolvers=None):
    try:
        key = (
            tuple(sorted((validators or {}).items())),
            _settings(function_filter),
            tuple(sorted((fn_resolvers or {}).items())),
        )
        cls = _classes.get(key)
    except TypeError:  # an unhashable validator: no sharing
        return _original_create(validators, function_filter, fn_resolvers)
    if cls is None:
        cls = _classes[key] = _original_create(validators, function_filter, fn_resolvers)
        cls.evolve = _validator_evolve
    return cls


def _validator_evolve(self, **kwargs):
    new = object.__new__(self.__class__)
    values = new.__dict__
    values.update(self.__dict__)
    values.update(kwargs)
    new.__post_init__()
    return new


_context_fields = None


def _context_evolve(self, **kwargs):
    global _context_fields
    if _context_fields is None:
        _context_fields = tuple(f.name for f in dataclasses.fields(context_module.Context))
    if "ref_values" in kwargs:
        ref_values = self.ref_values.copy()
        ref_values.update(kwargs["ref_values"])
        kwargs["ref_values"] = ref_values
    current = self.__dict__
    new = object.__new__(self.__class__)
    # Only the fields: a cached property of the old context (module_names) must be computed anew.
    new.__dict__.update({name: kwargs[name] if name in kwargs else current[name] for name in _context_fields})
    return new


def fields(class_or_instance):
    cls = class_or_instance if isinstance(class_or_instance, type) else type(class_or_instance)
    known = _fields.get(cls)
    if known is None:
        known = _fields[cls] = dataclasses.fields(cls)
    return known


def _rules_by_keyword(rule):
    """E1101's child rules by keyword, in the order its loops visit them (rebuilt when a run relinks the children)."""
    children = tuple(rule.child_rules.values())
    cached = rule.__dict__.get("_speedups_index")
    if cached is not None and cached[0] == tuple(map(id, children)):
        return cached[1]
    index = {}
    for child in children:
        if child is None or not child.id:
            continue
        for keyword in child.keywords:
            index.setdefault(keyword, []).append(child)
    rule._speedups_index = (tuple(map(id, children)), index)
    return index


def cfn_lint_keyword(self, validator, keywords, instance, schema):
    """E1101's cfnLint keyword (cfnlint/rules/jsonschema/CfnLint.py, 1.58.0) with its child rules looked up by keyword."""
    validator = validator.evolve(function_filter=validator.function_filter.evolve(add_cfn_lint_keyword=False))
    index = _rules_by_keyword(self)
    for keyword in keywords:
        for rule in index.get(keyword, ()):
            for err in rule.validate(validator, keyword, instance, schema):
                if err.rule is None and isinstance(err.validator, Unset):
                    err.rule = rule
                yield err


def extend_validator(self, validator, schema, context, validators=None):
    """BaseJsonSchema.extend_validator (1.58.0) without the throw-away state: cfn-lint builds the extended validator
    with an empty Template (its conditions, graph and context: about 50 per template) and then replaces it, the context
    and the resolver with `evolve`; this passes the final values to the constructor (the same fields result)."""
    all_validators = self._get_validators()
    if validators:
        all_validators.update(validators)
    cls = validator.extend(validators=all_validators)
    return cls(schema=schema, cfn=validator.cfn, context=context, resolver=RefResolver.from_schema(schema))


def install_on(runner):
    """The speed-ups that replace methods of rules cfn-lint loads from files (their classes are not importable)."""
    rule = runner.rules.data.get("E1101")
    if rule is not None:
        type(rule).cfnLint = cfn_lint_keyword
    rule = runner.rules.data.get("E3019")
    if rule is not None:
        type(rule)._validate_resource_type_uniqueness = unique_ids.validate_resource_type_uniqueness


def install():
    validators_module.create = create
    validators_module.fields = fields
    context_module.fields = fields
    context_module.Context.evolve = _context_evolve
    base_module.BaseJsonSchema.extend_validator = extend_validator
