"""Writes tests/core/eval/linear_probe_fixture.pth: two epochs of eval_linear.py's training on
given frozen features, computed with PyTorch the way the reference does it (reference.md §5.2):
nn.Linear with the given initial weights, SGD(momentum=0.9, weight_decay=0), CosineAnnealingLR
(T_max=epochs, eta_min=0) stepped per epoch, each epoch's order from DistributedSampler(shuffle=True,
seed=0) on one process, cross-entropy, batches of `batch_size` with the last one short, and after
each epoch validate_network's top-1, top-5 and loss (the mean of the batches' losses, as its
MetricLogger averages them; 150 validation rows make a short last batch of 22).

    .venv/bin/python tests/python/make_linear_probe_fixture.py tests/core/eval/linear_probe_fixture.pth
"""
import sys

import torch
import torch.nn as nn


def main(out):
    torch.manual_seed(0)
    n_train, n_val, dim, classes = 70, 150, 12, 6
    centres = torch.randn(classes, dim)
    train_labels = torch.randint(0, classes, (n_train,))
    val_labels = torch.randint(0, classes, (n_val,))
    train = centres[train_labels] + 0.8 * torch.randn(n_train, dim)
    val = centres[val_labels] + 0.8 * torch.randn(n_val, dim)
    w0 = torch.randn(classes, dim) * 0.01
    b0 = torch.zeros(classes)
    lr, batch_size, epochs = 0.5, 16, 3

    linear = nn.Linear(dim, classes)
    with torch.no_grad():
        linear.weight.copy_(w0)
        linear.bias.copy_(b0)
    optimizer = torch.optim.SGD(linear.parameters(), lr, momentum=0.9, weight_decay=0)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs, eta_min=0)
    record = {}
    for epoch in range(epochs):
        g = torch.Generator()
        g.manual_seed(0 + epoch)
        order = torch.randperm(n_train, generator=g)
        record[f"order{epoch}"] = order
        record[f"lr{epoch}"] = optimizer.param_groups[0]["lr"]
        losses = []
        for start in range(0, n_train, batch_size):
            rows = order[start:start + batch_size]
            loss = nn.CrossEntropyLoss()(linear(train[rows].view(len(rows), -1)), train_labels[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        scheduler.step()
        with torch.no_grad():
            correct1 = correct5 = batches = 0
            loss_sum = 0.0
            for start in range(0, n_val, 128):
                logits = linear(val[start:start + 128])
                target = val_labels[start:start + 128]
                loss_sum += nn.CrossEntropyLoss()(logits, target).item()
                batches += 1
                top = logits.topk(5, 1).indices
                correct1 += (top[:, 0] == target).sum().item()
                correct5 += (top == target.unsqueeze(1)).any(1).sum().item()
        record[f"weight{epoch}"] = linear.weight.detach().clone()
        record[f"bias{epoch}"] = linear.bias.detach().clone()
        record[f"train_loss{epoch}"] = sum(losses) / len(losses)
        record[f"top1_{epoch}"] = 100.0 * correct1 / n_val
        record[f"top5_{epoch}"] = 100.0 * correct5 / n_val
        record[f"val_loss{epoch}"] = loss_sum / batches
    record.update(train=train, train_labels=train_labels, val=val, val_labels=val_labels, weight_init=w0,
                  bias_init=b0, lr=lr, batch_size=batch_size, epochs=epochs)
    torch.save(record, out)


if __name__ == "__main__":
    main(sys.argv[1])
