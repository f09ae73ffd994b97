"""The JSON Schema of an event file, for editors' YAML language servers."""

from __future__ import annotations

from writer.factbase.spec import EventSpec, RegistrySpec


def event_schema() -> dict:
    schema = EventSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "writer event file"
    return schema


def registry_schema() -> dict:
    schema = RegistrySpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "writer source registry"
    return schema
