"""The reference's training step, timed: the yardstick for `dino bench step`.

main_dino.py's train_one_epoch body (reference.md §1.8) on synthetic crops, with the ViT, head and
loss of reference_dino.py (explicit attention, as the reference's vision_transformer.py computes
it), AdamW with the two parameter groups, per-parameter gradient clipping, the EMA teacher, and
under --precision fp16 the reference's torch.cuda.amp autocast + GradScaler.

  python reference_step_bench.py --arch vit_small --patch_size 16 --batch_size 64 \
      --local_crops_number 8 --device cuda --precision fp16
"""
import argparse
import copy
import time

import torch
import torch.nn as nn

import reference_dino as ref

ARCHS = {"vit_tiny": (192, 12, 3), "vit_small": (384, 12, 6), "vit_base": (768, 12, 12)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="vit_small", choices=sorted(ARCHS))
    p.add_argument("--embed_dim", type=int, default=0)
    p.add_argument("--depth", type=int, default=0)
    p.add_argument("--num_heads", type=int, default=0)
    p.add_argument("--patch_size", type=int, default=16)
    p.add_argument("--out_dim", type=int, default=65536)
    p.add_argument("--batch_size", type=int, default=32)
    p.add_argument("--local_crops_number", type=int, default=8)
    p.add_argument("--global_crops_size", type=int, default=224)
    p.add_argument("--local_crops_size", type=int, default=96)
    p.add_argument("--device", default="cpu")
    p.add_argument("--precision", default="fp32", choices=["fp32", "fp16"])
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--warmup_steps", type=int, default=2)
    p.add_argument("--steps", type=int, default=10)
    a = p.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    dim, depth, heads = ARCHS[a.arch]
    dim, depth, heads = a.embed_dim or dim, a.depth or depth, a.num_heads or heads
    device = torch.device(a.device)
    torch.manual_seed(0)

    backbone = ref.ViT(a.global_crops_size, a.patch_size, dim, depth, heads)
    head = ref.Head(dim, a.out_dim, 2048, 256)
    student = nn.ModuleDict({"backbone": backbone, "head": head}).to(device)
    teacher = copy.deepcopy(student)
    for q in teacher.parameters():
        q.requires_grad = False
    regularized = [q for n, q in student.named_parameters() if not n.endswith(".bias") and q.ndim > 1]
    not_regularized = [q for n, q in student.named_parameters() if n.endswith(".bias") or q.ndim == 1]
    optimizer = torch.optim.AdamW([{"params": regularized}, {"params": not_regularized, "weight_decay": 0.0}])
    scaler = torch.cuda.amp.GradScaler() if a.precision == "fp16" else None
    center = torch.zeros(1, a.out_dim, device=device)
    ncrops = 2 + a.local_crops_number
    crops = [torch.randn(a.batch_size, 3, a.global_crops_size, a.global_crops_size, device=device) for _ in range(2)]
    crops += [torch.randn(a.batch_size, 3, a.local_crops_size, a.local_crops_size, device=device)
              for _ in range(a.local_crops_number)]

    def clip_gradients():  # utils.clip_gradients: per parameter, max norm 3
        for q in student.parameters():
            if q.grad is not None:
                norm = q.grad.data.norm(2)
                clip = 3.0 / (norm + 1e-6)
                if clip < 1:
                    q.grad.data.mul_(clip)

    def step():
        nonlocal center
        for g in optimizer.param_groups:
            g["lr"] = 1e-4
        optimizer.param_groups[0]["weight_decay"] = 0.04
        with torch.autocast(device.type, dtype=torch.float16, enabled=scaler is not None):
            with torch.no_grad():
                teacher_out = ref.multi_crop(teacher["backbone"], teacher["head"], crops[:2])
            student_out = ref.multi_crop(student["backbone"], student["head"], crops)
            loss, center = ref.dino_loss(student_out.float(), teacher_out.float(), center, 0.04, ncrops)
        optimizer.zero_grad()
        if scaler is None:
            loss.backward()
            clip_gradients()
            optimizer.step()
        else:
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            clip_gradients()
            scaler.step(optimizer)
            scaler.update()
        with torch.no_grad():
            for qs, qt in zip(student.parameters(), teacher.parameters()):
                qt.data.mul_(0.996).add_((1 - 0.996) * qs.detach().data)

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    for _ in range(a.warmup_steps):
        step()
    sync()
    start = time.perf_counter()
    for _ in range(a.steps):
        step()
    sync()
    elapsed = (time.perf_counter() - start) / a.steps
    print(f"reference step: {a.arch}/{a.patch_size} (dim {dim}, depth {depth}, heads {heads}), out_dim {a.out_dim}; "
          f"batch {a.batch_size} x (2 x {a.global_crops_size} + {a.local_crops_number} x {a.local_crops_size}); "
          f"{device}, {a.precision}, {torch.get_num_threads()} threads")
    print(f"  {a.batch_size / elapsed:.2f} images/s, {elapsed * 1000:.1f} ms/step")


if __name__ == "__main__":
    main()
