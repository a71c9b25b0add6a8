/** The live editor loop (`kasuhara-press dev`): server, workspace, change classification, flavours. */
export { startDevServer, DEFAULT_PORT, type DevServer, type DevServerOptions, type DevCallbacks } from './server.js';
export { Workspace, type BuildReport, type LoadReport, type StateView, type DiagnosticView, type WorkspaceOptions } from './workspace.js';
export { classifyChanges, templatesUsingPartial, type Impact, type VariantWatch, type WatchRoots } from './changes.js';
export { FLAVOURS, type Flavour, type FlavourOutput } from './flavours.js';
