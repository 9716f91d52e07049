// The schemas this service provider implements (RFC 7643 §4 and §8.7), as data: served by
// GET /Schemas (RFC 7643 §7), and the one source of canonical attribute names, types and case
// rules for reading bodies (scim-canonical.ts), filters (scim-filter.ts) and projections.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex';

export interface AttributeDef {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDef[];
}

export interface SchemaDef {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDef[];
}

type Options = Partial<Omit<AttributeDef, 'name' | 'type' | 'description'>>;

function attr(name: string, type: AttributeType, description: string, options: Options = {}): AttributeDef {
  return { name, type, multiValued: false, description, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none', ...options };
}

const str = (name: string, description: string, options: Options = {}) => attr(name, 'string', description, options);

/** The usual sub-attributes of a multi-valued attribute (RFC 7643 §2.4). */
function multi(name: string, description: string, types: string[], value: AttributeDef = str('value', `The ${name} value.`), extra: AttributeDef[] = []): AttributeDef {
  return attr(name, 'complex', description, {
    multiValued: true,
    subAttributes: [
      value,
      str('display', 'A human-readable name, primarily used for display purposes.'),
      str('type', `A label indicating the attribute's function.`, types.length ? { canonicalValues: types } : {}),
      attr('primary', 'boolean', 'Whether this is the primary value.'),
      ...extra,
    ],
  });
}

// id, externalId and meta are common attributes (RFC 7643 §3.1): not part of any schema.
const USER: SchemaDef = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: [
    str('userName', 'Unique identifier for the User, typically used by the user to directly authenticate to the service provider.', { required: true, uniqueness: 'server' }),
    attr('name', 'complex', "The components of the user's real name.", {
      subAttributes: [
        str('formatted', 'The full name, including all middle names, titles, and suffixes as appropriate, formatted for display.'),
        str('familyName', 'The family name of the User.'),
        str('givenName', 'The given name of the User.'),
        str('middleName', 'The middle name(s) of the User.'),
        str('honorificPrefix', 'The honorific prefix(es) of the User.'),
        str('honorificSuffix', 'The honorific suffix(es) of the User.'),
      ],
    }),
    str('displayName', 'The name of the User, suitable for display to end-users.'),
    str('nickName', 'The casual way to address the user in real life.'),
    attr('profileUrl', 'reference', "A fully qualified URL pointing to a page representing the User's online profile.", { referenceTypes: ['external'] }),
    str('title', "The user's title, such as \"Vice President.\""),
    str('userType', 'Used to identify the relationship between the organization and the user.'),
    str('preferredLanguage', "The User's preferred written or spoken language."),
    str('locale', "The User's default location for localizing items such as currency and dates."),
    str('timezone', "The User's time zone in the 'Olson' time zone database format."),
    attr('active', 'boolean', "The User's administrative status: false removes the person from the workspace."),
    str('password', 'Not used: Waypoint never stores passwords sent by a directory.', { mutability: 'writeOnly', returned: 'never' }),
    multi('emails', 'Email addresses for the user; the primary (else work) one is the Waypoint sign-in email.', ['work', 'home', 'other']),
    multi('phoneNumbers', 'Phone numbers for the User.', ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
    multi('ims', 'Instant messaging addresses for the User.', ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']),
    multi('photos', 'URLs of photos of the User.', ['photo', 'thumbnail'], attr('value', 'reference', 'URL of a photo of the User.', { referenceTypes: ['external'] })),
    attr('addresses', 'complex', 'A physical mailing address for this User.', {
      multiValued: true,
      subAttributes: [
        str('formatted', 'The full mailing address, formatted for display.'),
        str('streetAddress', 'The full street address component.'),
        str('locality', 'The city or locality component.'),
        str('region', 'The state or region component.'),
        str('postalCode', 'The zip code or postal code component.'),
        str('country', 'The country name component.'),
        str('type', 'A label indicating the attribute\'s function.', { canonicalValues: ['work', 'home', 'other'] }),
        attr('primary', 'boolean', 'Whether this is the primary address.'),
      ],
    }),
    attr('groups', 'complex', 'The groups the user belongs to (set through /Groups).', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        str('value', 'The identifier of the group.', { mutability: 'readOnly' }),
        attr('$ref', 'reference', 'The URI of the group.', { mutability: 'readOnly', referenceTypes: ['Group'] }),
        str('display', 'The displayName of the group.', { mutability: 'readOnly' }),
        str('type', 'direct or indirect.', { mutability: 'readOnly', canonicalValues: ['direct', 'indirect'] }),
      ],
    }),
    multi('entitlements', 'A list of entitlements for the User.', []),
    multi('roles', 'A list of roles for the User; mapped to a Waypoint role by the SSO role mapping.', []),
    multi('x509Certificates', 'A list of certificates issued to the User.', []),
  ],
};

const ENTERPRISE_USER: SchemaDef = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    str('employeeNumber', 'Numeric or alphanumeric identifier assigned to a person.'),
    str('costCenter', 'Identifies the name of a cost center.'),
    str('organization', 'Identifies the name of an organization.'),
    str('division', 'Identifies the name of a division.'),
    str('department', 'Identifies the name of a department.'),
    attr('manager', 'complex', "The User's manager.", {
      subAttributes: [
        str('value', 'The id of the SCIM resource representing the manager.'),
        attr('$ref', 'reference', 'The URI of the SCIM resource representing the manager.', { referenceTypes: ['User'] }),
        str('displayName', 'The displayName of the manager.', { mutability: 'readOnly' }),
      ],
    }),
  ],
};

const GROUP: SchemaDef = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group, mirrored as a private Waypoint team',
  attributes: [
    str('displayName', 'A human-readable name for the Group; the name of its team.', { required: true, uniqueness: 'server' }),
    attr('members', 'complex', 'A list of members of the Group (users of this directory).', {
      multiValued: true,
      subAttributes: [
        str('value', 'Identifier of the member of this Group.', { mutability: 'immutable', caseExact: true }),
        attr('$ref', 'reference', 'The URI of the member.', { mutability: 'immutable', referenceTypes: ['User'] }),
        str('display', 'The userName of the member.', { mutability: 'readOnly' }),
        str('type', 'The type of the member.', { mutability: 'immutable', canonicalValues: ['User'] }),
      ],
    }),
  ],
};

export const SCHEMAS: readonly SchemaDef[] = [USER, ENTERPRISE_USER, GROUP];

export type ResourceTypeName = 'User' | 'Group';

/** The core schema and the extensions of each resource type. */
export const RESOURCE_SCHEMAS: Record<ResourceTypeName, { core: SchemaDef; extensions: SchemaDef[] }> = {
  User: { core: USER, extensions: [ENTERPRISE_USER] },
  Group: { core: GROUP, extensions: [] },
};

/** The common attributes every resource has (RFC 7643 §3.1), as filters and projections see them. */
export const COMMON_ATTRIBUTES: AttributeDef[] = [
  str('id', 'Unique identifier of the resource, assigned by the service provider.', { caseExact: true, mutability: 'readOnly', returned: 'always', uniqueness: 'server' }),
  str('externalId', "The identity provider's identifier of the resource.", { caseExact: true }),
  attr('meta', 'complex', 'Resource metadata.', {
    mutability: 'readOnly',
    subAttributes: [
      str('resourceType', 'The name of the resource type.', { caseExact: true, mutability: 'readOnly' }),
      attr('created', 'dateTime', 'When the resource was added.', { mutability: 'readOnly' }),
      attr('lastModified', 'dateTime', 'When the resource was last changed.', { mutability: 'readOnly' }),
      attr('location', 'reference', 'The URI of the resource.', { mutability: 'readOnly', caseExact: true }),
      str('version', 'The version (ETag) of the resource.', { caseExact: true, mutability: 'readOnly' }),
    ],
  }),
];

export function findSchema(id: string): SchemaDef | undefined {
  return SCHEMAS.find((schema) => schema.id.toLowerCase() === id.toLowerCase());
}

/** The attribute of a list by name, any case. */
export function findAttribute(list: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return list?.find((candidate) => candidate.name.toLowerCase() === lower);
}

/** A schema as a /Schemas resource (RFC 7643 §7). */
export function schemaResource(schema: SchemaDef, baseUrl: string) {
  return { schemas: [SCHEMA_SCHEMA], ...schema, meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` } };
}
