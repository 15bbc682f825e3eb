/**
 * The schema: every module adds its own types and fields to the builder;
 * this file only imports them, in dependency order, and builds.
 */
import { builder } from '../builder.js';
import './scalars.js';
import './user.js';
import './pending-changes.js';
import './code-budget.js';
import './attribute-inputs.js';
import './code-delivery.js';
import './my-attributes.js';
import './verification.js';
import './admin-attributes.js';
import './user-pool.js';
import './user-search.js';
import './attribute-changes.js';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

/** The executable schema of the service. */
export const schema = builder.toSchema({ sortSchema: false });
