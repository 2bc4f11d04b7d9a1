import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { fill, uiText } from '../ui-text';
import { checkoutArchetype as template } from './checkout.archetype';
import {
  BACKENDS,
  contextFor,
  expectSoundFeature,
  fileContent,
  hostile,
  appSpec,
} from './testing/archetype-spec-helpers';

const LABELS = [
  'Checkout',
  'Payments',
  'Shopping cart',
  'Cart',
  hostile('checkout'),
  'Carrito',
  'Thanh toán',
  'Warenkorb',
  '购物车',
];

describe('checkoutArchetype', () => {
  for (const backend of BACKENDS) {
    for (const label of LABELS) {
      it(`writes a sound feature for ${JSON.stringify(label)} on ${backend}`, async () => {
        const ctx = contextFor(appSpec([label], { backend }), 'checkout');
        expect(ctx.feature.entity).toBe('Product');
        await expectSoundFeature(template, ctx);
      });
    }
  }

  it('lists products, keeps a cart and pays through a provider interface', () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const files = template.files(ctx);
    const payment = fileContent(files, `${ctx.feature.paths.dir}/checkout_payment.dart`);
    expect(payment).toContain('abstract interface class CheckoutPaymentProvider {');
    expect(payment).toMatch(
      /Future<CheckoutPaymentResult> pay\(\{\s+required double amount,\s+required String currency,\s+required String description,\s+\}\);/,
    );
    expect(payment).toContain('class CheckoutDemoPaymentProvider implements CheckoutPaymentProvider');
    expect(payment).toContain('DEMO ONLY');
    const cart = fileContent(files, `${ctx.feature.paths.dir}/checkout_cart.dart`);
    expect(cart).toContain('class CheckoutCart extends ChangeNotifier');
    expect(cart).toContain('double get unitPrice => product.price;');
    expect(cart).toContain('return stock == null || quantityOf(product) < stock;');
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('await widget.products.fetchAll()');
    expect(screen).toContain("tooltip: 'Add to cart'");
    expect(screen).toContain('formatMoney(_cart.total)');
    const order = fileContent(files, `${ctx.feature.paths.dir}/checkout_order_screen.dart`);
    expect(order).toContain('await widget.payments.pay(');
    expect(order).toContain("'Payment successful'");
    expect(order).toContain("result.message ?? 'The payment was declined.'");
    expect(template.screenBuilder(ctx)).toBe(
      'CheckoutScreen(products: services.products, payments: services.checkoutPayments)',
    );
    expect(template.services?.(ctx)).toEqual([
      {
        field: 'checkoutPayments',
        type: 'CheckoutPaymentProvider',
        typeImport: 'features/checkout/checkout_payment.dart',
        create: 'const CheckoutDemoPaymentProvider()',
        createImports: [],
        fake: 'CheckoutFakePaymentProvider()',
        fakeImport: 'test/support/checkout_fakes.dart',
      },
    ]);
    expect(template.dependencies(ctx)).toEqual({});
  });

  it('does not double the word cart in class names', () => {
    const ctx = contextFor(appSpec(['Shopping cart']), 'checkout');
    const cart = fileContent(template.files(ctx), `${ctx.feature.paths.dir}/shopping_cart_cart.dart`);
    expect(cart).toContain('class ShoppingCart extends ChangeNotifier');
    expect(cart).toContain('class ShoppingCartLine {');
  });

  it('tests two products, the total, an approved and a declined payment', () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const test = fileContent(template.files(ctx), ctx.feature.paths.test);
    expect(test).toContain('InMemoryProductRepository(');
    expect(test).toContain("await tester.tap(find.byTooltip('Add to cart').at(1));");
    expect(test).toContain('expect(find.text(formatMoney(37.5)), findsOneWidget);');
    expect(test).toContain("expect(find.text('Payment successful'), findsOneWidget);");
    expect(test).toContain("CheckoutFakePaymentProvider(declineWith: 'Card declined')");
    expect(test).toContain("expect(find.text('Card declined'), findsOneWidget);");
  });

  it('names the real provider and the one class to replace in the README', () => {
    const ctx = contextFor(appSpec(['Payments']), 'checkout');
    const readme = template.readme?.(ctx) ?? '';
    expect(readme).toContain('flutter_stripe');
    expect(readme).toContain('in_app_purchase');
    expect(readme).toContain('PaymentsDemoPaymentProvider');
    expect(readme).toContain('lib/app_services.dart');
    expect(readme).toContain('implements PaymentsPaymentProvider');
  });

  it('opens the products screen from the app bar and the empty shop, and reloads on return', () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const products = ctx.plan.features.find(
      (feature) => feature.archetype === 'entity' && feature.entity === 'Product',
    );
    expect(products?.origin).toBe('app');
    const files = template.files(ctx);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain("tooltip: 'Manage products',");
    // By the screen's routeName, not a copied '/products' string.
    expect(screen).toContain(`await Navigator.of(context).pushNamed(${products?.classes.screen}.routeName);`);
    expect(screen).toContain(`import '../../${products?.paths.screen.slice('lib/'.length)}';`);
    expect(screen).not.toContain(`'${products?.route}'`);
    expect(screen).toContain('if (mounted) await _reload();');
    expect(screen).toContain("child: const Text('Add products'),");
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain(`'${products?.route}': (context) => Scaffold(`);
    expect(test).toContain("await tester.tap(find.byTooltip('Manage products'));");
    expect(test).toContain("await products.save(const Product(id: 'product-1'");
    expect(test).toContain('await tester.pageBack();');
    expect(test).toContain("expect(find.byTooltip('Add to cart'), findsOneWidget);");
  });

  it('has no products action when the plan has no products screen', async () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const alone = {
      ...ctx,
      plan: { ...ctx.plan, features: ctx.plan.features.filter((f) => f.archetype !== 'entity') },
    };
    await expectSoundFeature(template, alone);
    const files = template.files(alone);
    expect(fileContent(files, ctx.feature.paths.screen)).not.toContain('Manage products');
    expect(fileContent(files, ctx.feature.paths.screen)).toContain('return const Center(');
    expect(fileContent(files, ctx.feature.paths.test)).not.toContain('routes:');
  });

  it('escapes the label and the app name', () => {
    const label = hostile('checkout');
    const ctx = contextFor(appSpec([label], { name: `Bob's $hop \\` }), 'checkout');
    const files = template.files(ctx);
    expect(fileContent(files, ctx.feature.paths.screen)).toContain(`static const String title = ${dartString(label)};`);
    for (const file of files) expect(file.content).not.toContain(label);
    expect(fileContent(files, `${ctx.feature.paths.dir}/${ctx.feature.names.id}_order_screen.dart`)).toContain(
      `description: ${dartString(fill(uiText(ctx.plan).orderFrom, { app: ctx.plan.displayName }))},`,
    );
  });
});
