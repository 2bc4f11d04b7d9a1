/**
 * The feature screen: list with add/toggle/delete plus loading, empty and
 * error states, driven by the feature's ChangeNotifier controller.
 */
import { dartString } from '../dart-string';
import type { FeatureTemplateInput } from './feature.templates';

export function featureScreenDart({ names, classes, route }: FeatureTemplateInput): string {
  const { item, controller, screen } = classes;
  const stateClass = `_${screen}State`;
  return `import 'package:flutter/material.dart';

import '${names.id}_model.dart';
import '${names.id}_state.dart';

class ${screen} extends StatefulWidget {
  const ${screen}({super.key, this.controller});

  static const String title = ${dartString(names.label)};
  static const String routeName = '${route}';

  /// Injected by tests; the screen creates (and disposes) its own otherwise.
  final ${controller}? controller;

  @override
  State<${screen}> createState() => ${stateClass}();
}

class ${stateClass} extends State<${screen}> {
  late final ${controller} _controller;
  final TextEditingController _textController = TextEditingController();

  @override
  void initState() {
    super.initState();
    _controller = widget.controller ?? ${controller}();
    _controller.load();
  }

  @override
  void dispose() {
    if (widget.controller == null) _controller.dispose();
    _textController.dispose();
    super.dispose();
  }

  Future<void> _addItem() async {
    final text = _textController.text;
    _textController.clear();
    await _controller.add(text);
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${screen}.title)),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) => _buildBody(),
      ),
    );
  }

  Widget _buildBody() {
    if (_controller.isLoading && _controller.items.isEmpty) {
      return const Center(child: CircularProgressIndicator());
    }
    final error = _controller.error;
    if (error != null) {
      return _ErrorView(message: error, onRetry: _controller.load);
    }
    return Column(
      children: [
        Padding(
          padding: const EdgeInsets.all(16),
          child: Row(
            children: [
              Expanded(
                child: TextField(
                  controller: _textController,
                  decoration: const InputDecoration(
                    labelText: 'New entry',
                    border: OutlineInputBorder(),
                  ),
                  textInputAction: TextInputAction.done,
                  onSubmitted: (_) => _addItem(),
                ),
              ),
              const SizedBox(width: 12),
              FilledButton(
                onPressed: _addItem,
                child: const Text('Add'),
              ),
            ],
          ),
        ),
        Expanded(
          child: _controller.items.isEmpty
              ? const _EmptyView()
              : ListView.builder(
                  itemCount: _controller.items.length,
                  itemBuilder: (context, index) {
                    final item = _controller.items[index];
                    return _ItemTile(
                      item: item,
                      onToggle: () => _controller.toggle(item),
                      onDelete: () => _controller.remove(item),
                    );
                  },
                ),
        ),
      ],
    );
  }
}

class _ItemTile extends StatelessWidget {
  const _ItemTile({
    required this.item,
    required this.onToggle,
    required this.onDelete,
  });

  final ${item} item;
  final VoidCallback onToggle;
  final VoidCallback onDelete;

  @override
  Widget build(BuildContext context) {
    return ListTile(
      leading: Checkbox(value: item.done, onChanged: (_) => onToggle()),
      title: Text(
        item.title,
        style: item.done
            ? const TextStyle(decoration: TextDecoration.lineThrough)
            : null,
      ),
      trailing: IconButton(
        icon: const Icon(Icons.delete_outline),
        tooltip: 'Delete',
        onPressed: onDelete,
      ),
      onTap: onToggle,
    );
  }
}

class _EmptyView extends StatelessWidget {
  const _EmptyView();

  @override
  Widget build(BuildContext context) {
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(24),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Icon(
              Icons.inbox_outlined,
              size: 48,
              color: Theme.of(context).colorScheme.outline,
            ),
            const SizedBox(height: 12),
            const Text(
              'Nothing here yet. Add the first entry above.',
              textAlign: TextAlign.center,
            ),
          ],
        ),
      ),
    );
  }
}

class _ErrorView extends StatelessWidget {
  const _ErrorView({required this.message, required this.onRetry});

  final String message;
  final VoidCallback onRetry;

  @override
  Widget build(BuildContext context) {
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(24),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Icon(
              Icons.error_outline,
              size: 48,
              color: Theme.of(context).colorScheme.error,
            ),
            const SizedBox(height: 12),
            Text(message, textAlign: TextAlign.center),
            const SizedBox(height: 12),
            FilledButton(onPressed: onRetry, child: const Text('Retry')),
          ],
        ),
      ),
    );
  }
}
`;
}
