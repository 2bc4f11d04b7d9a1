/**
 * Checkout / payments / cart: the products from the `Product` repository with
 * add-to-cart, a cart (ChangeNotifier with quantities and a total), and an
 * order screen (summary → pay → success or error) that charges through a
 * `<Prefix>PaymentProvider`. The app ships a clearly named demo provider that
 * approves after a short pause; the README names the real one to plug in.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString, singleLine } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  displayText,
  isTextual,
  packageUri,
  sampleEntity,
  sampleId,
  isDated,
  sampleValue,
  titleField,
  valueField,
} from '../data/entity-dart';
import { dataScreenOf, manageDataLabel } from '../feature-links';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import { dartText, fill, moneyFormat, uiText, type UiText } from '../ui-text';
import { callDart } from './dart-wrap';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { fileNameOf, fromFeatureDir, libRelative } from './feature-dart.shared';
import { checkoutReadme } from './checkout.readme';
import {
  checkoutOrders,
  notSavedTest,
  orderImports,
  ordersField,
  receiptNoteDart,
  saveOrderDart,
  savedOrderTest,
  type CheckoutOrders,
} from './checkout.orders';
import { ORDER_FIELD_NAMES } from '../plan/checkout-data';
import { STAND_IN_TITLE, standInRoutes } from './data-screen-link';
import { RECORD_REPOSITORY_PATH, STAFF_RECORDS } from './records-library';
import { USER_MESSAGE_PATH } from './records-user-message';
import { showsStaff, staffWritten } from '../data/backends/record-owner';
import { sampleKeyword } from './sample-keyword';

interface CheckoutNames {
  screen: string;
  order: string;
  cart: string;
  line: string;
  /** What the payment server is sent for each cart line: a product id and a quantity. */
  item: string;
  provider: string;
  result: string;
  demo: string;
  fake: string;
  field: string;
}

interface CheckoutPaths {
  cart: string;
  payment: string;
  order: string;
  fakes: string;
}

/** The product fields the checkout reads. */
interface ProductFields {
  name: EntityField;
  price: EntityField;
  details?: EntityField;
  stock?: EntityField;
}

function names(ctx: FeatureContext): CheckoutNames {
  const { prefix, screen } = ctx.feature.classes;
  // "Shopping cart" → `ShoppingCart`, not `ShoppingCartCart`.
  const cart = prefix.endsWith('Cart') ? prefix : `${prefix}Cart`;
  return {
    screen,
    order: `${prefix}OrderScreen`,
    cart,
    line: `${cart}Line`,
    item: `${prefix}OrderItem`,
    provider: `${prefix}PaymentProvider`,
    result: `${prefix}PaymentResult`,
    demo: `${prefix}DemoPaymentProvider`,
    fake: `${prefix}FakePaymentProvider`,
    field: `${prefix[0].toLowerCase()}${prefix.slice(1)}Payments`,
  };
}

function paths(ctx: FeatureContext): CheckoutPaths {
  const id = ctx.feature.names.id;
  const base = `${ctx.feature.paths.dir}/${id}`;
  return {
    cart: `${base}_cart.dart`,
    payment: `${base}_payment.dart`,
    order: `${base}_order_screen.dart`,
    fakes: `test/support/${id}_fakes.dart`,
  };
}

function productFields(entity: EntityPlan): ProductFields {
  const price = valueField(entity);
  if (!price) throw new Error(`entity ${entity.className} has no price for the checkout`);
  const name = titleField(entity);
  return {
    name,
    price,
    details: entity.fields.find((field) => isTextual(field) && field !== name),
    stock: entity.fields.find(
      (field) => field.type === 'int' && /stock|inventory|quantity|available/i.test(field.name),
    ),
  };
}

/** Dart `double` of a product's price (`item` is the product expression). */
function priceOf(field: EntityField, item: string): string {
  const value = `${item}.${field.name}`;
  const nullable = !field.required;
  if (field.type === 'int') return nullable ? `(${value} ?? 0).toDouble()` : `${value}.toDouble()`;
  return nullable ? `(${value} ?? 0)` : value;
}

function paymentDart(n: CheckoutNames, t: UiText): string {
  return `/// One line of an order as the payment server sees it: which product and
/// how many. No price: the server reads the price from its own records.
class ${n.item} {
  const ${n.item}({required this.productId, required this.quantity});

  final String productId;
  final int quantity;

  Map<String, Object?> toJson() => {
        'productId': productId,
        'quantity': quantity,
      };
}

/// The outcome of a payment attempt.
class ${n.result} {
  const ${n.result}.approved(
    String this.reference, {
    required double this.amount,
  })  : approved = true,
        message = null;

  const ${n.result}.declined(String this.message)
      : approved = false,
        reference = null,
        amount = null;

  final bool approved;

  /// The provider's id of the payment, shown on the receipt.
  final String? reference;

  /// What was charged: the server's total for the items, shown and saved.
  final double? amount;

  /// Why the payment failed, for the user.
  final String? message;
}

/// Charges the customer for an order.
///
/// The app is wired to [${n.demo}]
/// in \`lib/app_services.dart\`; replace it there with a real provider
/// (see the README) before taking money.
abstract interface class ${n.provider} {
  /// Charges for [items]. A real provider sends the items to your server,
  /// which prices them from its own product records: the app never says
  /// what to charge. [shownTotal] is the total the customer saw, so the
  /// server can decline when its total differs (a price changed meanwhile).
  Future<${n.result}> pay({
    required List<${n.item}> items,
    required String currency,
    required double shownTotal,
    required String description,
  });
}

/// DEMO ONLY: approves every payment after a short pause and moves no money.
/// Without a server to price the items it charges [shownTotal].
class ${n.demo} implements ${n.provider} {
  const ${n.demo}({this.delay = const Duration(milliseconds: 800)});

  final Duration delay;

  @override
  Future<${n.result}> pay({
    required List<${n.item}> items,
    required String currency,
    required double shownTotal,
    required String description,
  }) async {
    await Future<void>.delayed(delay);
    if (items.isEmpty || shownTotal <= 0) {
      return const ${n.result}.declined(${dartString(t.nothingToPay)});
    }
    return ${n.result}.approved(
      'DEMO-\${DateTime.now().millisecondsSinceEpoch}',
      amount: shownTotal,
    );
  }
}
`;
}

function cartDart(n: CheckoutNames, p: CheckoutPaths, entity: EntityPlan, f: ProductFields, currency: string): string {
  const E = entity.className;
  const stock = f.stock;
  const canAdd = stock
    ? `
  /// False once the cart holds every unit in stock.
  bool canAdd(${E} product) {
    final stock = product.${stock.name};
    return ${stock.required ? '' : 'stock == null || '}quantityOf(product) < stock;
  }`
    : `
  bool canAdd(${E} product) => true;`;
  return `import 'package:flutter/foundation.dart';

import '${fromFeatureDir(entity.paths.model)}';
import '${fileNameOf(p.payment)}';

/// A product in the cart and how many of it.
class ${n.line} {
  const ${n.line}(this.product, this.quantity);

  final ${E} product;
  final int quantity;

  double get unitPrice => ${priceOf(f.price, 'product')};

  double get total => unitPrice * quantity;
}

/// What the customer is about to buy; screens listen to it.
class ${n.cart} extends ChangeNotifier {
  /// The currency every price is in.
  static const String currency = ${dartString(currency)};

  final Map<String, ${n.line}> _lines = {};

  List<${n.line}> get lines => List.unmodifiable(_lines.values);

  bool get isEmpty => _lines.isEmpty;

  /// Number of units, all products together.
  int get count => _lines.values.fold(0, (sum, line) => sum + line.quantity);

  /// What the payment server is asked to price and charge.
  List<${n.item}> get items => [
        for (final line in _lines.values)
          ${n.item}(productId: line.product.id, quantity: line.quantity),
      ];

  /// The total the customer sees, rounded to cents; the server charges its own.
  double get total {
    final sum = _lines.values.fold<double>(0, (sum, line) => sum + line.total);
    return (sum * 100).round() / 100;
  }

  int quantityOf(${E} product) => _lines[product.id]?.quantity ?? 0;
${canAdd}

  void add(${E} product) {
    if (!canAdd(product)) return;
    _lines[product.id] = ${n.line}(product, quantityOf(product) + 1);
    notifyListeners();
  }

  void removeOne(${E} product) {
    final quantity = quantityOf(product);
    if (quantity == 0) return;
    if (quantity == 1) {
      _lines.remove(product.id);
    } else {
      _lines[product.id] = ${n.line}(product, quantity - 1);
    }
    notifyListeners();
  }

  void clear() {
    if (_lines.isEmpty) return;
    _lines.clear();
    notifyListeners();
  }
}
`;
}

function productDetails(f: ProductFields, entity: EntityPlan, t: UiText): string {
  const parts: string[] = [];
  if (f.details) parts.push(displayText(f.details, `product.${f.details.name}`, t));
  if (f.stock) {
    const stock = `product.${f.stock.name}`;
    const text = `${stock}${f.stock.required ? '' : '!'} > 0 ? ${dartText(t.inStock, { count: stock })} : ${dartString(t.outOfStock)}`;
    parts.push(f.stock.required ? `(${text})` : `(${stock} == null ? '' : ${text})`);
  }
  if (!parts.length) return `String? _details(${entity.className} product) => null;`;
  return `/// The line under a product's name: its description and stock, when known.
String? _details(${entity.className} product) {
  final parts = [
${parts.map((part) => `    ${part},`).join('\n')}
  ].where((part) => part.isNotEmpty).toList();
  return parts.isEmpty ? null : parts.join(' · ');
}`;
}

/**
 * When the app has a products screen (not a home card when the app added it for
 * the checkout), an app-bar action and the empty state open it; the catalogue
 * reloads on return.
 */
function manageProducts(
  ctx: FeatureContext,
  entity: EntityPlan,
): { method: string; action: string; empty?: string; imports: string[] } {
  const dataScreen = dataScreenOf(ctx.plan, ctx.feature);
  if (!dataScreen) return { method: '', action: '', imports: [] };
  const t = uiText(ctx.plan);
  const products = entity.pluralLabel.toLowerCase();
  /** The app-bar button, its lines indented by `pad` spaces after the first. */
  const button = (pad: number) =>
    [
      'IconButton(',
      `  tooltip: ${dartString(manageDataLabel(ctx.plan, entity))},`,
      '  icon: const Icon(Icons.inventory_2_outlined),',
      '  onPressed: _manageProducts,',
      ')',
    ].join(`\n${' '.repeat(pad)}`);
  const addButton = `const SizedBox(height: 12),
                    FilledButton.tonal(
                      onPressed: _manageProducts,
                      child: const Text(${dartString(fill(t.addItem, { item: products }))}),
                    ),`;
  // Only staff keep the catalogue (`staffWritten`) and the app knows who they are: customers get no way in.
  const staff = staffManaged(ctx, entity);
  return {
    // The route by the screen's own constant, never a copied string.
    imports: [fromFeatureDir(dataScreen.paths.screen), ...(staff ? [fromFeatureDir(RECORD_REPOSITORY_PATH)] : [])],
    method: `

  /// Opens the screen where ${products} are added and edited, then reloads.
  Future<void> _manageProducts() async {
    await Navigator.of(context).pushNamed(${dataScreen.classes.screen}.routeName);
    if (mounted) await _reload();
  }${
    staff
      ? `

  /// Whether the user may add and edit ${products}: staff only, which the
  /// repository knows once the catalogue has loaded.
  bool get _canManage => switch (widget.products) {
        final ${STAFF_RECORDS} staff => staff.canEdit,
        _ => true,
      };`
      : ''
  }`,
    action: staff
      ? `
          // Known once the catalogue has loaded.
          FutureBuilder<List<${entity.className}>>(
            future: _catalog,
            builder: (context, _) => _canManage
                ? ${button(16)}
                : const SizedBox.shrink(),
          ),`
      : `
          ${button(10)},`,
    empty: `return Center(
              child: Padding(
                padding: const EdgeInsets.all(24),
                child: Column(
                  mainAxisSize: MainAxisSize.min,
                  children: [
                    const Text(
                      ${dartString(fill(t.noneForSale, { items: products }))},
                      textAlign: TextAlign.center,
                    ),
                    ${
                      staff
                        ? `if (_canManage) ...[
                      ${addButton.replace(/\n {20}/g, '\n                      ')}
                    ],`
                        : addButton
                    }
                  ],
                ),
              ),
            );`,
  };
}

function screenDart(
  ctx: FeatureContext,
  n: CheckoutNames,
  p: CheckoutPaths,
  entity: EntityPlan,
  f: ProductFields,
): string {
  const t = uiText(ctx.plan);
  const E = entity.className;
  const products = entity.pluralLabel.toLowerCase();
  const manage = manageProducts(ctx, entity);
  const orders = checkoutOrders(ctx);
  const imports = [
    fromFeatureDir(FORMATTERS_PATH),
    fromFeatureDir(USER_MESSAGE_PATH),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    ...(orders ? [fromFeatureDir(orders.entity.paths.repository)] : []),
    ...manage.imports,
    fileNameOf(p.cart),
    fileNameOf(p.order),
    fileNameOf(p.payment),
  ].sort();
  return `import 'package:flutter/material.dart';

${imports.map((uri) => `import '${uri}';`).join('\n')}

class ${n.screen} extends StatefulWidget {
  const ${n.screen}({
    super.key,
    required this.products,
    required this.payments,${orders ? '\n    required this.orders,' : ''}
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${E}Repository products;
  final ${n.provider} payments;${orders ? ordersField(orders) : ''}

  @override
  State<${n.screen}> createState() => _${n.screen}State();
}

class _${n.screen}State extends State<${n.screen}> {
  final _cart = ${n.cart}();
  late Future<List<${E}>> _catalog;

  @override
  void initState() {
    super.initState();
    _catalog = _load();
  }

  @override
  void dispose() {
    _cart.dispose();
    super.dispose();
  }

  Future<List<${E}>> _load() async {
    final products = await widget.products.fetchAll();
    return [...products]
      ..sort((a, b) => a.displayTitle.toLowerCase().compareTo(b.displayTitle.toLowerCase()));
  }

  Future<void> _reload() async {
    final next = _load();
    setState(() => _catalog = next);
    await next;
  }

  void _openOrder() {
    Navigator.of(context).push(
      MaterialPageRoute<void>(
        builder: (_) => ${n.order}(
          cart: _cart,
          payments: widget.payments,${orders ? '\n          orders: widget.orders,' : ''}
        ),
      ),
    );
  }${manage.method}

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text(${n.screen}.title),
        actions: [${manage.action}
          ListenableBuilder(
            listenable: _cart,
            builder: (context, _) => IconButton(
              tooltip: ${dartString(t.cart)},
              onPressed: _cart.isEmpty ? null : _openOrder,
              icon: Badge(
                isLabelVisible: !_cart.isEmpty,
                label: Text('\${_cart.count}'),
                child: const Icon(Icons.shopping_cart_outlined),
              ),
            ),
          ),
        ],
      ),
      body: FutureBuilder<List<${E}>>(
        future: _catalog,
        builder: (context, snapshot) {
          if (snapshot.connectionState != ConnectionState.done) {
            return const Center(child: CircularProgressIndicator());
          }
          if (snapshot.hasError) {
            return Center(
              child: Padding(
                padding: const EdgeInsets.all(24),
                child: Column(
                  mainAxisSize: MainAxisSize.min,
                  children: [
                    Text(
                      ${dartText(t.couldNotLoad, { error: 'userMessage(snapshot.error!)' })},
                      textAlign: TextAlign.center,
                    ),
                    const SizedBox(height: 12),
                    OutlinedButton(onPressed: _reload, child: const Text(${dartString(t.tryAgain)})),
                  ],
                ),
              ),
            );
          }
          final products = snapshot.data ?? const [];
          if (products.isEmpty) {
            ${
              manage.empty ??
              `return const Center(
              child: Padding(
                padding: EdgeInsets.all(24),
                child: Text(
                  ${dartString(fill(t.noneForSale, { items: products }))},
                  textAlign: TextAlign.center,
                ),
              ),
            );`
            }
          }
          return RefreshIndicator(
            onRefresh: _reload,
            child: ListenableBuilder(
              listenable: _cart,
              builder: (context, _) => ListView.separated(
                padding: const EdgeInsets.symmetric(vertical: 8),
                itemCount: products.length,
                separatorBuilder: (context, _) => const Divider(height: 1),
                itemBuilder: (context, index) => _ProductTile(
                  product: products[index],
                  quantity: _cart.quantityOf(products[index]),
                  onAdd: _cart.canAdd(products[index])
                      ? () => _cart.add(products[index])
                      : null,
                ),
              ),
            ),
          );
        },
      ),
      bottomNavigationBar: ListenableBuilder(
        listenable: _cart,
        builder: (context, _) {
          if (_cart.isEmpty) return const SizedBox.shrink();
          final textTheme = Theme.of(context).textTheme;
          return Material(
            elevation: 3,
            child: SafeArea(
              top: false,
              child: Padding(
                padding: const EdgeInsets.fromLTRB(16, 12, 16, 12),
                child: Row(
                  children: [
                    Expanded(
                      child: Column(
                        crossAxisAlignment: CrossAxisAlignment.start,
                        mainAxisSize: MainAxisSize.min,
                        children: [
                          Text(
                            _cart.count == 1
                                ? ${dartString(t.cartOneItem)}
                                : ${dartText(t.cartItems, { count: '_cart.count' })},
                            style: textTheme.labelLarge,
                          ),
                          Text(formatMoney(_cart.total), style: textTheme.titleLarge),
                        ],
                      ),
                    ),
                    FilledButton.icon(
                      onPressed: _openOrder,
                      icon: const Icon(Icons.shopping_cart_checkout),
                      label: const Text(${dartString(t.checkout)}),
                    ),
                  ],
                ),
              ),
            ),
          );
        },
      ),
    );
  }
}

class _ProductTile extends StatelessWidget {
  const _ProductTile({required this.product, required this.quantity, required this.onAdd});

  final ${E} product;
  final int quantity;
  final VoidCallback? onAdd;

  @override
  Widget build(BuildContext context) {
    final details = _details(product);
    return ListTile(
      title: Text(product.${f.name.name}${f.name.required ? '' : " ?? ''"}),
      subtitle: details == null ? null : Text(details, maxLines: 2, overflow: TextOverflow.ellipsis),
      trailing: Row(
        mainAxisSize: MainAxisSize.min,
        children: [
          Text(
            formatMoney(${priceOf(f.price, 'product')}),
            style: Theme.of(context).textTheme.titleMedium,
          ),
          const SizedBox(width: 8),
          Badge(
            isLabelVisible: quantity > 0,
            label: Text('$quantity'),
            child: IconButton.filledTonal(
              tooltip: ${dartString(t.addToCart)},
              icon: const Icon(Icons.add_shopping_cart),
              onPressed: onAdd,
            ),
          ),
        ],
      ),
    );
  }
}

${productDetails(f, entity, t)}
`;
}

/**
 * `_pay`: sends the cart's items (ids and quantities, never an amount) to the provider; on approval
 * saves the order when the app lists orders, empties the cart and shows what the server charged.
 */
function payMethodDart(ctx: FeatureContext, n: CheckoutNames, orders: CheckoutOrders | undefined): string {
  const t = uiText(ctx.plan);
  const description = fill(t.orderFrom, { app: singleLine(ctx.plan.displayName) });
  const save = orders
    ? `
    final notSaved = await _saveOrder(lines, paid, result.reference);`
    : '';
  return `
  Future<void> _pay() async {
    final cart = widget.cart;${orders ? '\n    final lines = cart.lines;' : ''}
    final shownTotal = cart.total;
    setState(() {
      _paying = true;
      _error = null;
    });
    ${n.result} result;
    try {
      result = await widget.payments.pay(
        items: cart.items,
        currency: ${n.cart}.currency,
        shownTotal: shownTotal,
        description: ${dartString(description)},
      );
    } catch (error) {
${callDart('      ', `result = ${n.result}.declined`, dartText(t.paymentFailed, { error: 'userMessage(error)' }), ';')}
    }
    if (!mounted) return;
    if (!result.approved) {
      setState(() {
        _paying = false;
        _error = result.message ?? ${dartString(t.paymentDeclined)};
      });
      return;
    }
    // What the server charged, which is what the receipt${orders ? ' and the order' : ''} show.
    final paid = result.amount ?? shownTotal;${save}
    cart.clear();
    if (!mounted) return;
    setState(() {
      _paying = false;
      _receipt = result;
      _paid = paid;${orders ? '\n      _notSaved = notSaved;' : ''}
    });
  }${orders ? saveOrderDart(orders, n.line) : ''}
`;
}

function orderDart(ctx: FeatureContext, n: CheckoutNames, p: CheckoutPaths, f: ProductFields): string {
  const t = uiText(ctx.plan);
  const orders = checkoutOrders(ctx);
  const imports = [
    fromFeatureDir(FORMATTERS_PATH),
    fromFeatureDir(USER_MESSAGE_PATH),
    ...(orders ? orderImports(orders) : []),
    fileNameOf(p.cart),
    fileNameOf(p.payment),
  ].sort();
  return `import 'package:flutter/material.dart';

${imports.map((uri) => `import '${uri}';`).join('\n')}

/// Order summary → pay → receipt, or the reason the payment failed.
class ${n.order} extends StatefulWidget {
  const ${n.order}({
    super.key,
    required this.cart,
    required this.payments,${orders ? '\n    required this.orders,' : ''}
  });

  final ${n.cart} cart;
  final ${n.provider} payments;${orders ? ordersField(orders) : ''}

  @override
  State<${n.order}> createState() => _${n.order}State();
}

class _${n.order}State extends State<${n.order}> {
  bool _paying = false;
  String? _error;
  ${n.result}? _receipt;
  double _paid = 0;${orders ? '\n\n  /// Why the paid order could not be saved, shown on the receipt.\n  String? _notSaved;' : ''}
${payMethodDart(ctx, n, orders)}
  @override
  Widget build(BuildContext context) {
    final receipt = _receipt;
    return Scaffold(
      appBar: AppBar(
        title: Text(receipt == null ? ${dartString(t.yourOrder)} : ${dartString(t.orderPlaced)}),
      ),
      body: receipt == null ? _buildSummary(context) : _buildReceipt(context, receipt),
    );
  }

  Widget _buildSummary(BuildContext context) {
    final theme = Theme.of(context);
    final cart = widget.cart;
    return ListenableBuilder(
      listenable: cart,
      builder: (context, _) {
        final error = _error;
        return Column(
          crossAxisAlignment: CrossAxisAlignment.stretch,
          children: [
            Expanded(
              child: cart.isEmpty
                  ? const Center(child: Text(${dartString(t.cartEmpty)}))
                  : ListView(
                      children: [
                        for (final line in cart.lines)
                          ListTile(
                            title: Text(line.product.${f.name.name}${f.name.required ? '' : " ?? ''"}),
                            subtitle: Text('\${formatMoney(line.unitPrice)} × \${line.quantity}'),
                            trailing: Row(
                              mainAxisSize: MainAxisSize.min,
                              children: [
                                IconButton(
                                  tooltip: ${dartString(t.removeOne)},
                                  icon: const Icon(Icons.remove_circle_outline),
                                  onPressed: _paying
                                      ? null
                                      : () => cart.removeOne(line.product),
                                ),
                                IconButton(
                                  tooltip: ${dartString(t.addOne)},
                                  icon: const Icon(Icons.add_circle_outline),
                                  onPressed: _paying || !cart.canAdd(line.product)
                                      ? null
                                      : () => cart.add(line.product),
                                ),
                                SizedBox(
                                  width: 88,
                                  child: Text(
                                    formatMoney(line.total),
                                    textAlign: TextAlign.end,
                                  ),
                                ),
                              ],
                            ),
                          ),
                      ],
                    ),
            ),
            const Divider(height: 1),
            SafeArea(
              top: false,
              child: Padding(
                padding: const EdgeInsets.all(16),
                child: Column(
                  crossAxisAlignment: CrossAxisAlignment.stretch,
                  children: [
                    Row(
                      children: [
                        Expanded(child: Text(${dartString(t.cartTotal)}, style: theme.textTheme.titleMedium)),
                        Text(
                          formatMoney(cart.total),
                          style: theme.textTheme.titleLarge,
                        ),
                      ],
                    ),
                    if (error != null) ...[
                      const SizedBox(height: 12),
                      Container(
                        padding: const EdgeInsets.all(12),
                        decoration: BoxDecoration(
                          color: theme.colorScheme.errorContainer,
                          borderRadius: BorderRadius.circular(12),
                        ),
                        child: Row(
                          children: [
                            Icon(Icons.error_outline, color: theme.colorScheme.onErrorContainer),
                            const SizedBox(width: 12),
                            Expanded(
                              child: Text(
                                error,
                                style: TextStyle(color: theme.colorScheme.onErrorContainer),
                              ),
                            ),
                          ],
                        ),
                      ),
                    ],
                    const SizedBox(height: 12),
                    FilledButton(
                      onPressed: _paying || cart.isEmpty ? null : _pay,
                      child: _paying
                          ? const SizedBox.square(
                              dimension: 20,
                              child: CircularProgressIndicator(strokeWidth: 2),
                            )
                          : Text(${dartText(t.pay, { amount: 'formatMoney(cart.total)' })}),
                    ),
                  ],
                ),
              ),
            ),
          ],
        );
      },
    );
  }

  Widget _buildReceipt(BuildContext context, ${n.result} receipt) {
    final theme = Theme.of(context);
    final reference = receipt.reference;${orders ? '\n    final notSaved = _notSaved;' : ''}
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(24),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Icon(Icons.check_circle, size: 72, color: theme.colorScheme.primary),
            const SizedBox(height: 16),
            Text(${dartString(t.paymentSuccessful)}, style: theme.textTheme.headlineSmall),
            const SizedBox(height: 8),
            Text(${dartText(t.paid, { amount: 'formatMoney(_paid)' })}),
            if (reference != null) ...[
              const SizedBox(height: 4),
              SelectableText(${dartText(t.paymentReference, { reference: 'reference' })}, style: theme.textTheme.bodySmall),
            ],${orders ? receiptNoteDart(ctx, orders) : ''}
            const SizedBox(height: 24),
            FilledButton(
              onPressed: () => Navigator.of(context).pop(),
              child: const Text(${dartString(t.done)}),
            ),
          ],
        ),
      ),
    );
  }
}
`;
}

function fakesDart(ctx: FeatureContext, n: CheckoutNames, p: CheckoutPaths): string {
  return `import '${packageUri(ctx.plan.packageName, p.payment)}';

/// Answers at once: approves, or declines with [declineWith]; records the
/// items of each request and charges [serverTotal] when set (a server
/// pricing the items itself), else the total the customer saw.
class ${n.fake} implements ${n.provider} {
  ${n.fake}({this.declineWith, this.serverTotal});

  final String? declineWith;
  final double? serverTotal;
  final List<List<${n.item}>> requests = [];
  final List<double> charges = [];

  @override
  Future<${n.result}> pay({
    required List<${n.item}> items,
    required String currency,
    required double shownTotal,
    required String description,
  }) async {
    requests.add(items);
    final reason = declineWith;
    if (reason != null) return ${n.result}.declined(reason);
    final amount = serverTotal ?? shownTotal;
    charges.add(amount);
    return ${n.result}.approved('TEST-\${charges.length}', amount: amount);
  }
}
`;
}

function testDart(
  ctx: FeatureContext,
  n: CheckoutNames,
  p: CheckoutPaths,
  entity: EntityPlan,
  f: ProductFields,
): string {
  const t = uiText(ctx.plan);
  const pkg = ctx.plan.packageName;
  const total = [1, 2].reduce((sum, i) => sum + Number(sampleValue(f.price, i)), 0);
  const totalDart = Number.isInteger(total) ? `${total}.0` : `${total}`;
  const firstName = sampleValue(f.name, 1);
  const customer = staffManaged(ctx, entity);
  const imports = [
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, FORMATTERS_PATH),
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, ctx.feature.paths.screen),
    ...(customer ? [packageUri(pkg, RECORD_REPOSITORY_PATH)] : []),
  ].sort();
  // Samples without dates are constants (DateTime(…) is not const).
  const seedConst = entity.fields.some(isDated) ? '' : 'const ';
  const orders = checkoutOrders(ctx);
  const ordersRepository = orders && `InMemory${orders.entity.className}Repository`;
  const pump = (provider: string, ordersFail = false) => `    final payments = ${provider};${
    ordersRepository ? `\n    final orders = ${ordersRepository}(${ordersFail ? 'failing: true' : ''});` : ''
  }
    await payForTwo(tester, payments${orders ? ', orders' : ''});`;
  const payForTwo = `

/// Opens the shop with two products, adds both to the cart and taps Pay.
Future<void> payForTwo(
  WidgetTester tester,
  ${n.fake} payments,${ordersRepository ? `\n  ${ordersRepository} orders,` : ''}
) async {
  await tester.pumpWidget(
    MaterialApp(
      home: ${n.screen}(
        products: InMemory${entity.className}Repository(
          seed: ${seedConst}[
            ${sampleEntity(entity, 1)},
            ${sampleEntity(entity, 2)},
          ],
        ),
        payments: payments,${orders ? '\n        orders: orders,' : ''}
      ),
    ),
  );
  await tester.pumpAndSettle();

  await tester.tap(find.byTooltip(${dartString(t.addToCart)}).at(0));
  await tester.tap(find.byTooltip(${dartString(t.addToCart)}).at(1));
  await tester.pump();
  expect(find.text(formatMoney(${totalDart})), findsOneWidget);
  expect(find.text(${dartString(fill(t.cartItems, { count: 2 }))}), findsOneWidget);

  await tester.tap(find.byIcon(Icons.shopping_cart_checkout));
  await tester.pumpAndSettle();
  expect(find.text(${firstName}), findsOneWidget);

  await tester.tap(find.text(${dartText(t.pay, { amount: `formatMoney(${totalDart})` })}));
  await tester.pumpAndSettle();
}`;
  return `${imports.map((uri) => `import '${uri}';`).join('\n')}

${[fileNameOf(FAKE_REPOSITORIES_PATH), fileNameOf(p.fakes)]
  .sort()
  .map((name) => `import '../support/${name}';`)
  .join('\n')}

void main() {
  testWidgets('adds two products to the cart and pays for them', (tester) async {
${pump(`${n.fake}()`)}

    expect(find.text(${dartString(t.paymentSuccessful)}), findsOneWidget);
    expect(payments.charges, [${totalDart}]);
    // The server is told what was ordered, never what to charge.
    final items = payments.requests.single;
    expect(
      items.map((item) => item.productId),
      unorderedEquals([${[1, 2].map((i) => dartString(sampleId(entity.className, i))).join(', ')}]),
    );
    expect(items.map((item) => item.quantity), [1, 1]);${orders ? savedOrderTest(ctx, orders, totalDart) : ''}

    await tester.tap(find.text(${dartString(t.done)}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(fill(t.cartItems, { count: 2 }))}), findsNothing);
    expect(find.byTooltip(${dartString(t.addToCart)}), findsNWidgets(2));
  });

  testWidgets('shows why a declined payment failed and keeps the cart', (tester) async {
${pump(`${n.fake}(declineWith: 'Card declined')`)}

    expect(find.text('Card declined'), findsOneWidget);
    expect(find.text(${dartString(t.paymentSuccessful)}), findsNothing);
    expect(find.text(${dartText(t.pay, { amount: `formatMoney(${totalDart})` })}), findsOneWidget);
  });

  testWidgets('shows${orders ? ' and saves' : ''} the amount the server charged', (tester) async {
${pump(`${n.fake}(serverTotal: 99.0)`)}

    expect(find.text(${dartText(t.paid, { amount: 'formatMoney(99.0)' })}), findsOneWidget);${
      orders ? `\n    expect((await orders.fetchAll()).single.${ORDER_FIELD_NAMES.total}, 99.0);` : ''
    }
  });${orders ? notSavedTest(ctx, n.fake, pump) : ''}${manageTest(ctx, n, entity, f)}
}${payForTwo}${customer ? customerViewDart(entity) : ''}
`;
}

/** The app-bar action opens the products screen; back in the shop, new products are for sale. */
function manageTest(ctx: FeatureContext, n: CheckoutNames, entity: EntityPlan, f: ProductFields): string {
  const t = uiText(ctx.plan);
  const route = dataScreenOf(ctx.plan, ctx.feature)?.route;
  if (!route) return '';
  const action = manageDataLabel(ctx.plan, entity);
  const orders = checkoutOrders(ctx);
  return `

  testWidgets(${dartString(`"${action}" opens their screen and new ones are for sale on return`)}, (tester) async {
    final products = InMemory${entity.className}Repository();
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(
          products: products,
          payments: ${n.fake}(),${orders ? `\n          orders: InMemory${orders.entity.className}Repository(),` : ''}
        ),${standInRoutes(route, '        ')}
      ),
    );
    await tester.pumpAndSettle();
    expect(find.byTooltip(${dartString(t.addToCart)}), findsNothing);

    await tester.tap(find.byTooltip(${dartString(action)}));
    await tester.pumpAndSettle();
    expect(find.text('${STAND_IN_TITLE}'), findsOneWidget);

    await products.save(${sampleKeyword(entity) === 'const' ? 'const ' : ''}${sampleEntity(entity, 1)});
    await tester.pageBack();
    await tester.pumpAndSettle();
    expect(find.text(${sampleValue(f.name, 1)}), findsOneWidget);
    expect(find.byTooltip(${dartString(t.addToCart)}), findsOneWidget);
  });${staffManaged(ctx, entity) ? customerTest(ctx, n, entity) : ''}`;
}

/** Whether only staff manage what the checkout sells, and the app knows who they are (`showsStaff`). */
function staffManaged(ctx: FeatureContext, entity: EntityPlan): boolean {
  return Boolean(dataScreenOf(ctx.plan, ctx.feature)) && showsStaff(ctx.plan) && staffWritten(ctx.plan, entity);
}

/** A signed-in customer sees no way to manage what only staff keep. */
function customerTest(ctx: FeatureContext, n: CheckoutNames, entity: EntityPlan): string {
  const t = uiText(ctx.plan);
  const products = entity.pluralLabel.toLowerCase();
  const orders = checkoutOrders(ctx);
  return `

  testWidgets(${dartString(`a customer (not staff) gets no way to manage ${products}`)}, (tester) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(
          products: _CustomerView(),
          payments: ${n.fake}(),${orders ? `\n          orders: InMemory${orders.entity.className}Repository(),` : ''}
        ),
      ),
    );
    await tester.pumpAndSettle();

    expect(find.text(${dartString(fill(t.noneForSale, { items: products }))}), findsOneWidget);
    expect(find.text(${dartString(fill(t.addItem, { item: products }))}), findsNothing);
    expect(find.byTooltip(${dartString(manageDataLabel(ctx.plan, entity))}), findsNothing);
  });`;
}

/** The repository as a signed-in customer sees it: it reads, and is not staff. */
function customerViewDart(entity: EntityPlan): string {
  return `

/// The catalogue as a signed-in customer sees it: not staff.
class _CustomerView extends InMemory${entity.className}Repository implements ${STAFF_RECORDS} {
  @override
  bool get canEdit => false;
}`;
}

function files(ctx: FeatureContext): GeneratedFile[] {
  const entity = requireEntity(ctx.plan, ctx.feature);
  const f = productFields(entity);
  const n = names(ctx);
  const p = paths(ctx);
  return [
    { path: p.payment, content: paymentDart(n, uiText(ctx.plan)) },
    { path: p.cart, content: cartDart(n, p, entity, f, moneyFormat(ctx.plan).currency) },
    { path: p.order, content: orderDart(ctx, n, p, f) },
    { path: ctx.feature.paths.screen, content: screenDart(ctx, n, p, entity, f) },
    { path: p.fakes, content: fakesDart(ctx, n, p) },
    { path: ctx.feature.paths.test, content: testDart(ctx, n, p, entity, f) },
  ];
}

function services(ctx: FeatureContext): ServiceDecl[] {
  const n = names(ctx);
  const p = paths(ctx);
  return [
    {
      field: n.field,
      type: n.provider,
      typeImport: libRelative(p.payment),
      create: `const ${n.demo}()`,
      createImports: [],
      fake: `${n.fake}()`,
      fakeImport: p.fakes,
    },
  ];
}

export const checkoutArchetype: ArchetypeTemplate = {
  id: 'checkout',
  dependencies: () => ({}),
  files,
  screenBuilder(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const n = names(ctx);
    const orders = checkoutOrders(ctx);
    const saveTo = orders ? `, orders: services.${orders.entity.collection}` : '';
    return `${n.screen}(products: services.${entity.collection}, payments: services.${n.field}${saveTo})`;
  },
  services,
  readme(ctx) {
    const n = names(ctx);
    const entity = requireEntity(ctx.plan, ctx.feature);
    const price = productFields(entity).price;
    const orders = checkoutOrders(ctx);
    return checkoutReadme({
      label: singleLine(ctx.feature.names.label),
      provider: n.provider,
      demo: n.demo,
      result: n.result,
      item: n.item,
      paymentFile: paths(ctx).payment,
      orderFile: paths(ctx).order,
      field: n.field,
      currency: moneyFormat(ctx.plan).currency,
      decimalDigits: moneyFormat(ctx.plan).decimalDigits,
      backend: ctx.plan.backend,
      signsIn: ctx.plan.features.some((feature) => feature.archetype === 'auth'),
      appName: singleLine(ctx.plan.displayName),
      products: {
        label: entity.pluralLabel,
        table: entity.tableName,
        priceColumn: price.column,
        priceKey: price.name,
      },
      ...(orders
        ? { orders: { label: singleLine(orders.screen.names.label), className: orders.entity.className } }
        : {}),
    });
  },
  summary(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return `${singleLine(ctx.feature.names.label)}: ${entity.pluralLabel.toLowerCase()} with add-to-cart, a cart with quantities and a total, and a checkout that pays through a payment provider (a demo one until a real provider is plugged in).`;
  },
};
