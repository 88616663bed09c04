"""The official LMS schemas kept in tests/fixtures/lms-schemas/, loaded with lxml.

Two adjustments are made in memory only, so the files stay as published (see the README there):
libxml2 refuses ADL's ims_xml.xsd because it declares the reserved XML namespace as its default
namespace, so that one declaration is dropped while loading; and the SCORM manifest is checked
against content packaging plus ADL's extensions through a small wrapper schema, because IMS's
metadata schema (imsmd_rootv1p2p1.xsd) has a content model libxml2 rejects as non-deterministic
and the manifest carries no IMS metadata for it to check.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "fixtures" / "lms-schemas"
_XML_NS_DEFAULT = 'xmlns="http://www.w3.org/XML/1998/namespace"'


class _ImsXmlFix(etree.Resolver):
    def resolve(self, url: str, pubid: str, context: object) -> object:
        if url.endswith("ims_xml.xsd"):
            text = (SCHEMAS / "scorm12" / "ims_xml.xsd").read_text(encoding="utf-8")
            return self.resolve_string(text.replace(_XML_NS_DEFAULT, ""), context)
        return None


@functools.cache
def scorm_manifest_schema() -> etree.XMLSchema:
    parser = etree.XMLParser()
    parser.resolvers.add(_ImsXmlFix())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "scorm12" / "manifest-all.xsd"), parser))


@functools.cache
def qti_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "qti12" / "ims_qtiasiv1p2.xsd")))


def errors(schema: etree.XMLSchema, xml: bytes | str) -> list[str]:
    """Every validation error, as `line: message` (empty when the document is valid)."""
    document = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
    if schema.validate(document):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]
