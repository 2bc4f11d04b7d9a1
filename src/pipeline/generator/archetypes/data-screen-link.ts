/**
 * Widget-test pieces for features that open their data screen (the map's
 * places, the checkout's products): the real screen is wired in app.dart and
 * reached in the app smoke test; a feature's own test only needs a stand-in
 * route to check the action opens it and the feature reloads on return.
 */

/** The title the stand-in screen shows. */
export const STAND_IN_TITLE = 'Data screen';

/** A `MaterialApp.routes` argument (with leading newline) mapping `route` to a stand-in screen. */
export function standInRoutes(route: string, indent: string): string {
  return `
${indent}routes: {
${indent}  '${route}': (context) => Scaffold(
${indent}        appBar: AppBar(title: const Text('${STAND_IN_TITLE}')),
${indent}      ),
${indent}},`;
}
