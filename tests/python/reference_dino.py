"""Golden values for the C++ tests, computed in Python with PyTorch.

The model, head and loss below are written from the reference specification
(../shared/reference/dino-reference.md, sections 1.5, 2 and 3) as plainly as possible; the C++ tests
compare DINO Studio's numbers with these and exchange files with torch.save / torch.load.

Commands:
  write-reference-files DIR   torch.save a backbone-only state dict and a full training checkpoint
                              (argparse.Namespace args, AdamW state, GradScaler state), plus
                              DIR/expected.json describing them.
  check-our-checkpoint FILE   torch.load(weights_only=True) a checkpoint written by C++, apply the
                              reference's load_pretrained_weights steps to its teacher, print JSON.
  forward IN OUT              run the reference formulas on the weights and inputs in IN (written
                              by C++) and torch.save the outputs to OUT.
  write-cmyk-jpeg FILE        save a small CMYK JPEG (OpenCV cannot write one).
  write-test-jpegs DIR        JPEGs in several chroma layouts, progressive and grey (Pillow's encoder).
  hue-all-colours DIR         Pillow's hue shift of every 8-bit colour and its HSV to RGB conversion of
                              every triple, as .npy files.
  knn-check WEIGHTS DATA FEATURES RESIZE CROP K
                              recompute eval_knn.py's features (Pillow bicubic Resize, CenterCrop,
                              ImageNet normalisation, the ViT above) for DATA/train and DATA/val,
                              compare them with the .pth files C++ dumped to FEATURES, and run the
                              reference's knn_classifier; print JSON.
  pil-ops IN.png DIR          apply Pillow's resampling, blur and colour operations (as DINO's
                              torchvision augmentation calls them) to IN.png, one PNG per operation.
"""
import argparse
import json
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


# ----------------------------------------------------------------------------------------------
# Reference formulas (reference.md §2)

class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.scale = (dim // heads) ** -0.5
        self.qkv = nn.Linear(dim, dim * 3, bias=True)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        attn = ((q @ k.transpose(-2, -1)) * self.scale).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, c)), attn


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads, hidden):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, hidden)

    def forward(self, x, return_attention=False):
        y, attn = self.attn(self.norm1(x))
        if return_attention:
            return attn
        x = x + y
        return x + self.mlp(self.norm2(x))


class ViT(nn.Module):
    def __init__(self, img_size, patch, dim, depth, heads, mlp_ratio=4.0):
        super().__init__()
        self.patch = patch
        self.patch_embed = nn.Module()
        self.patch_embed.proj = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)
        n = (img_size // patch) ** 2
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, n + 1, dim))
        self.blocks = nn.ModuleList([Block(dim, heads, int(dim * mlp_ratio)) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)

    def interpolate_pos_encoding(self, x, h, w):
        npatch = x.shape[1] - 1
        n = self.pos_embed.shape[1] - 1
        if npatch == n and w == h:
            return self.pos_embed
        class_pos = self.pos_embed[:, 0]
        patch_pos = self.pos_embed[:, 1:]
        dim = x.shape[-1]
        h0 = h // self.patch + 0.1
        w0 = w // self.patch + 0.1
        side = int(math.sqrt(n))
        patch_pos = F.interpolate(patch_pos.reshape(1, side, side, dim).permute(0, 3, 1, 2),
                                  scale_factor=(h0 / math.sqrt(n), w0 / math.sqrt(n)), mode="bicubic")
        assert int(h0) == patch_pos.shape[-2] and int(w0) == patch_pos.shape[-1]
        patch_pos = patch_pos.permute(0, 2, 3, 1).view(1, -1, dim)
        return torch.cat((class_pos.unsqueeze(0), patch_pos), dim=1)

    def prepare_tokens(self, x):
        b, _, h, w = x.shape
        tokens = self.patch_embed.proj(x).flatten(2).transpose(1, 2)
        tokens = torch.cat((self.cls_token.expand(b, -1, -1), tokens), dim=1)
        return tokens + self.interpolate_pos_encoding(tokens, h, w)

    def forward(self, x):
        x = self.prepare_tokens(x)
        for blk in self.blocks:
            x = blk(x)
        return self.norm(x)[:, 0]

    def get_last_selfattention(self, x):
        x = self.prepare_tokens(x)
        for i, blk in enumerate(self.blocks):
            if i < len(self.blocks) - 1:
                x = blk(x)
            else:
                return blk(x, return_attention=True)

    def get_intermediate_layers(self, x, n=1):
        x = self.prepare_tokens(x)
        out = []
        for i, blk in enumerate(self.blocks):
            x = blk(x)
            if len(self.blocks) - i <= n:
                out.append(self.norm(x))
        return out


class Head(nn.Module):
    """DINOHead with nlayers 3 and no BN; the weight norm is computed by hand (g v / ||v||)."""

    def __init__(self, in_dim, out_dim, hidden, bottleneck):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(in_dim, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, bottleneck))
        self.last_layer = nn.Module()
        self.last_layer.weight_g = nn.Parameter(torch.ones(out_dim, 1))
        self.last_layer.weight_v = nn.Parameter(torch.zeros(out_dim, bottleneck))

    def forward(self, x):
        x = F.normalize(self.mlp(x), dim=-1, p=2)
        v = self.last_layer.weight_v
        weight = self.last_layer.weight_g * v / v.norm(dim=1, keepdim=True)
        return x @ weight.t()


def multi_crop(backbone, head, crops):
    widths = torch.tensor([c.shape[-1] for c in crops])
    ends = torch.cumsum(torch.unique_consecutive(widths, return_counts=True)[1], 0)
    start, feats = 0, []
    for end in ends.tolist():
        feats.append(backbone(torch.cat(crops[start:end])))
        start = end
    return head(torch.cat(feats))


def dino_loss(student_out, teacher_out, center, temp, ncrops, student_temp=0.1, momentum=0.9):
    s = (student_out / student_temp).chunk(ncrops)
    t = F.softmax((teacher_out - center) / temp, dim=-1).detach().chunk(2)
    total, terms = 0.0, 0
    for iq, q in enumerate(t):
        for v in range(ncrops):
            if v == iq:
                continue
            total += torch.sum(-q * F.log_softmax(s[v], dim=-1), dim=-1).mean()
            terms += 1
    loss = total / terms
    batch_center = torch.sum(teacher_out, dim=0, keepdim=True) / len(teacher_out)
    new_center = center * momentum + batch_center * (1 - momentum)
    return loss, new_center


# ----------------------------------------------------------------------------------------------
# Commands

def tensor_facts(t):
    t = t.detach().double()
    return {"shape": list(t.shape), "sum": t.sum().item(), "first": t.flatten()[0].item() if t.numel() else 0.0}


def write_reference_files(directory):
    torch.manual_seed(3)
    vit = ViT(img_size=32, patch=8, dim=64, depth=2, heads=1)
    backbone = vit.state_dict()  # an OrderedDict with _metadata, as the released files are
    torch.save(backbone, f"{directory}/backbone.pth")

    head = Head(64, 32, 48, 16)
    nn.init.uniform_(head.last_layer.weight_v, -0.25, 0.25)
    student = {f"module.backbone.{k}": v.clone() for k, v in backbone.items()}
    student.update({f"module.head.{k}": v.clone() for k, v in head.state_dict().items()})
    teacher = {k[len("module."):]: v.clone() + 1.0 for k, v in student.items()}
    params = [v.clone().requires_grad_() for v in student.values()]
    optimizer = torch.optim.AdamW([{"params": params[:3]}, {"params": params[3:], "weight_decay": 0.0}])
    sum(p.sum() for p in params).backward()
    optimizer.step()
    args = argparse.Namespace(arch="vit_small", patch_size=8, out_dim=32, norm_last_layer=False,
                              global_crops_scale=(0.4, 1.0), lr=0.0005, data_path="/data/train", seed=0)
    checkpoint = {
        "student": student, "teacher": teacher, "optimizer": optimizer.state_dict(), "epoch": 7, "args": args,
        "dino_loss": {"center": torch.arange(32, dtype=torch.float32).reshape(1, 32) / 10},
        "fp16_scaler": {"scale": 32768.0, "growth_factor": 2.0, "backoff_factor": 0.5, "growth_interval": 2000,
                        "_growth_tracker": 17},
    }
    torch.save(checkpoint, f"{directory}/checkpoint.pth")
    expected = {
        "backbone": {k: tensor_facts(v) for k, v in backbone.items()},
        "backbone_keys": list(backbone.keys()),
        "teacher": {k: tensor_facts(v) for k, v in teacher.items()},
        "student_keys": list(student.keys()),
        "center": tensor_facts(checkpoint["dino_loss"]["center"]),
        "optimizer_state_count": len(optimizer.state_dict()["state"]),
        "exp_avg_0": tensor_facts(optimizer.state_dict()["state"][0]["exp_avg"]),
    }
    with open(f"{directory}/expected.json", "w") as f:
        json.dump(expected, f)


def check_our_checkpoint(path):
    ckpt = torch.load(path, map_location="cpu", weights_only=True)
    # load_pretrained_weights (reference.md §3.8): take the key, strip prefixes, load non-strictly.
    state_dict = {k.replace("module.", "").replace("backbone.", ""): v for k, v in ckpt["teacher"].items()}
    dim = state_dict["cls_token"].shape[-1]
    patch = state_dict["patch_embed.proj.weight"].shape[-1]
    n = state_dict["pos_embed"].shape[1] - 1
    depth = len({k.split(".")[1] for k in state_dict if k.startswith("blocks.")})
    vit = ViT(int(math.sqrt(n)) * patch, patch, dim, depth, max(dim // 64, 1))
    result = vit.load_state_dict(state_dict, strict=False)
    print(json.dumps({
        "top_level_keys": sorted(ckpt.keys()),
        "epoch": ckpt["epoch"],
        "missing": result.missing_keys,
        "unexpected": sorted(result.unexpected_keys),
        "student_prefixed": all(k.startswith("module.") for k in ckpt["student"]),
        "teacher_sums": {k: v.double().sum().item() for k, v in ckpt["teacher"].items()},
        "center_sum": ckpt["dino_loss"]["center"].double().sum().item(),
        "args": ckpt["args"],
    }))


def forward(path_in, path_out):
    data = torch.load(path_in, map_location="cpu", weights_only=True)
    cfg = {k: int(v) for k, v in data["config"].items()}
    vit = ViT(cfg["img_size"], cfg["patch_size"], cfg["embed_dim"], cfg["depth"], cfg["num_heads"])
    head = Head(cfg["embed_dim"], cfg["out_dim"], cfg["hidden_dim"], cfg["bottleneck_dim"])
    weights = data["weights"]
    vit.load_state_dict({k[len("backbone."):]: v for k, v in weights.items() if k.startswith("backbone.")}, strict=True)
    head.load_state_dict({k[len("head."):]: v for k, v in weights.items() if k.startswith("head.")}, strict=True)
    crops = data["crops"]
    out = {}
    with torch.no_grad():
        for name, image in data["images"].items():
            out[f"cls/{name}"] = vit(image)
            out[f"attention/{name}"] = vit.get_last_selfattention(image)
            out[f"intermediate/{name}"] = torch.stack(vit.get_intermediate_layers(image, 2))
            out[f"tokens/{name}"] = vit.prepare_tokens(image)
        student = multi_crop(vit, head, crops)
        teacher = multi_crop(vit, head, crops[:2]) * 1.5  # any other teacher output will do
        out["student"] = student
        out["teacher"] = teacher
        loss, new_center = dino_loss(student, teacher, data["center"], float(data["temperature"]), len(crops))
        out["loss"] = loss
        out["new_center"] = new_center
    torch.save(out, path_out)


def classic_resize(img, size, resample, box=None):
    """Image.resize as the reference's Pillow (before 10: it still has Image.ANTIALIAS) computed it:
    the horizontal pass, then the vertical one. Pillow 13 runs the vertical pass first for some
    shapes, which moves a few pixels by a grey level."""
    from PIL import Image
    width, height = size
    box = box or (0, 0, *img.size)
    if box[0] or box[2] != width or width != img.width:
        img = img.resize((width, img.height), resample, box=(box[0], 0, box[2], img.height))
        box = (0, box[1], width, box[3])
    if box[1] or box[3] != height or height != img.height:
        img = img.resize((width, height), resample, box=(0, box[1], width, box[3]))
    return img


def classic_thumbnail(img, side, resample):
    """Image.thumbnail((side, side), resample) on a loaded image: the size Pillow picks, a reduce by
    whole factors while at least twice the size is left (reducing_gap 2), then classic_resize."""
    probe = img.copy()
    probe.thumbnail((side, side), resample)
    width, height = probe.size
    if (width, height) == img.size:
        return img.copy()
    fx = int(img.width / width / 2.0) or 1
    fy = int(img.height / height / 2.0) or 1
    box = (0, 0, *img.size)
    if fx > 1 or fy > 1:
        box = (0, 0, img.width / fx, img.height / fy)
        img = img.reduce((fx, fy))
    return classic_resize(img, (width, height), resample, box)


def eval_transform(path, resize, crop):
    """torchvision's Resize(resize, bicubic) + CenterCrop(crop) + ToTensor + Normalize, spelled out."""
    from PIL import Image
    img = Image.open(path).convert("RGB")
    w, h = img.size
    if w <= h:
        size = (resize, int(resize * h / w))
    else:
        size = (int(resize * w / h), resize)
    img = img.resize(size, Image.BICUBIC)
    w, h = img.size
    top, left = int(round((h - crop) / 2.0)), int(round((w - crop) / 2.0))
    img = img.crop((left, top, left + crop, top + crop))
    x = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).reshape(crop, crop, 3)
    x = x.permute(2, 0, 1).float() / 255.0
    mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
    return (x - mean) / std


def image_folder(root):
    """ImageFolder order: sorted class folders, sorted files; labels are class indices."""
    import os
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    items = []
    for label, name in enumerate(classes):
        for f in sorted(os.listdir(os.path.join(root, name))):
            items.append((os.path.join(root, name, f), label))
    return items


def knn_classifier(train_f, train_y, test_f, test_y, k, T, num_classes=1000):
    """reference.md §5.1, with a chunk of at least one image (the reference's breaks below 100)."""
    top1, top5, total = 0.0, 0.0, 0
    num_test = test_f.shape[0]
    chunk = max(1, num_test // 100)
    retrieval_one_hot = torch.zeros(k, num_classes)
    for idx in range(0, num_test, chunk):
        features = test_f[idx:min(idx + chunk, num_test)]
        targets = test_y[idx:min(idx + chunk, num_test)]
        batch = targets.shape[0]
        similarity = torch.mm(features, train_f.t())
        distances, indices = similarity.topk(k, largest=True, sorted=True)
        candidates = train_y.view(1, -1).expand(batch, -1)
        retrieved = torch.gather(candidates, 1, indices)
        retrieval_one_hot.resize_(batch * k, num_classes).zero_()
        retrieval_one_hot.scatter_(1, retrieved.view(-1, 1), 1)
        transformed = distances.clone().div_(T).exp_()
        probs = torch.sum(torch.mul(retrieval_one_hot.view(batch, -1, num_classes), transformed.view(batch, -1, 1)), 1)
        _, predictions = probs.sort(1, True)
        correct = predictions.eq(targets.data.view(-1, 1))
        top1 += correct.narrow(1, 0, 1).sum().item()
        top5 += correct.narrow(1, 0, min(5, k)).sum().item()
        total += targets.size(0)
    return top1 * 100.0 / total, top5 * 100.0 / total


def load_backbone_file(weights):
    """A backbone file of write_reference_files' shape (one head), its size read from the tensors."""
    state = torch.load(weights, map_location="cpu", weights_only=True)
    dim = state["cls_token"].shape[-1]
    patch = state["patch_embed.proj.weight"].shape[-1]
    grid = int(round(math.sqrt(state["pos_embed"].shape[1] - 1)))
    depth = len({key.split(".")[1] for key in state if key.startswith("blocks.")})
    vit = ViT(grid * patch, patch, dim, depth, heads=1)
    vit.load_state_dict(state, strict=True)
    vit.eval()
    return vit


def knn_check(weights, data, features, resize, crop, k):
    vit = load_backbone_file(weights)
    result = {}
    with torch.no_grad():
        for split, name in (("train", "trainfeat"), ("val", "testfeat")):
            items = image_folder(f"{data}/{split}")
            x = torch.stack([eval_transform(path, resize, crop) for path, _ in items])
            ours = F.normalize(vit(x), dim=1)
            dumped = torch.load(f"{features}/{name}.pth", map_location="cpu", weights_only=True)
            result[f"{split}_max_difference"] = float((ours - dumped).abs().max())
            result[f"{split}_labels"] = [label for _, label in items]
    train_f = torch.load(f"{features}/trainfeat.pth", weights_only=True)
    test_f = torch.load(f"{features}/testfeat.pth", weights_only=True)
    train_y = torch.load(f"{features}/trainlabels.pth", weights_only=True)
    test_y = torch.load(f"{features}/testlabels.pth", weights_only=True)
    result["train_labels_match"] = train_y.tolist() == result.pop("train_labels")
    result["test_labels_match"] = test_y.tolist() == result.pop("val_labels")
    top1, top5 = knn_classifier(F.normalize(train_f, dim=1), train_y, F.normalize(test_f, dim=1), test_y, k, 0.07)
    result["top1"], result["top5"] = top1, top5
    print(json.dumps(result))


def average_precision(positions, positives):
    """The revisited benchmark's AP: trapezoids between the precision before and at each hit."""
    ap = 0.0
    for j, rank in enumerate(positions):
        before = 1.0 if rank == 0 else j / rank
        at = (j + 1) / (rank + 1)
        ap += (before + at) / (2.0 * positives)
    return ap


def revisited_map(ranking, truth, kappas):
    """Mean AP over queries with positives, junk taken out of the ranking; precision at each k
    capped at the last hit's rank."""
    aps, precisions = [], []
    for order, (ok, junk) in zip(ranking, truth):
        if not ok:
            continue
        kept = [i for i in order if i not in set(junk)]
        positions = [r for r, i in enumerate(kept) if i in set(ok)]
        aps.append(average_precision(positions, len(ok)))
        last = positions[-1] + 1
        row = []
        for k in kappas:
            cap = min(last, k)
            row.append(sum(1 for r in positions if r + 1 <= cap) / cap)
        precisions.append(row)
    n = len(aps)
    return sum(aps) / n, [sum(p[j] for p in precisions) / n for j in range(len(kappas))]


def max_difference(ours, folder, name):
    """The largest absolute difference between `ours` and the .npy the C++ command dumped."""
    import os
    import numpy as np
    theirs = torch.from_numpy(np.load(os.path.join(folder, name)))
    return float((ours - theirs).abs().max()) if theirs.shape == ours.shape else float("inf")


def retrieval_check(weights, data_path, dataset, imsize, multiscale, crop, features=None):
    """eval_image_retrieval.py's pipeline written out: thumbnails, CLS features (multi-scale when
    asked), ranking by cosine similarity, and the Easy, Medium and Hard protocols."""
    import os
    import pickle
    from PIL import Image
    vit = load_backbone_file(weights)
    root = os.path.join(data_path, dataset)
    with open(os.path.join(root, f"gnd_{dataset}.pkl"), "rb") as f:
        cfg = pickle.load(f)
    mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)

    def feature(name, box=None):
        img = Image.open(os.path.join(root, "jpg", name + ".jpg")).convert("RGB")
        if box is not None:
            img = img.crop(tuple(float(v) for v in box))
        img = classic_thumbnail(img, imsize, Image.LANCZOS)
        w, h = img.size
        x = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).reshape(h, w, 3)
        x = ((x.permute(2, 0, 1).float() / 255.0 - mean) / std).unsqueeze(0)
        if not multiscale:
            return vit(x)
        v = None
        for s in [1, 1 / 2 ** (1 / 2), 1 / 2]:
            inp = x.clone() if s == 1 else F.interpolate(x, scale_factor=s, mode="bilinear", align_corners=False)
            v = vit(inp) if v is None else v + vit(inp)
        v = v / 3
        return v / v.norm()

    with torch.no_grad():
        db = torch.cat([feature(n) for n in cfg["imlist"]])
        q = torch.cat([feature(n, g["bbx"] if crop else None) for n, g in zip(cfg["qimlist"], cfg["gnd"])])
    result = {}
    if features:
        result["database_max_difference"] = max_difference(db, features, "database.npy")
        result["queries_max_difference"] = max_difference(q, features, "queries.npy")
    db, q = F.normalize(db, dim=1), F.normalize(q, dim=1)
    ranking = torch.argsort(-(db @ q.T), dim=0).T.tolist()
    ints = lambda a: [int(i) for i in a]
    protocols = {
        "E": [(ints(g["easy"]), ints(g["junk"]) + ints(g["hard"])) for g in cfg["gnd"]],
        "M": [(ints(g["easy"]) + ints(g["hard"]), ints(g["junk"])) for g in cfg["gnd"]],
        "H": [(ints(g["hard"]), ints(g["junk"]) + ints(g["easy"])) for g in cfg["gnd"]],
    }
    for name, truth in protocols.items():
        m, p = revisited_map(ranking, truth, [1, 5, 10])
        result[name] = {"map": m, "precision_at_k": p}
    print(json.dumps(result))


def write_revisited_set(root):
    """Two small sets in the revisited layout: three landmarks, each a pattern seen in database
    images of several sizes (two easy, one hard, one junk, and one of another landmark's colours),
    and a query per landmark with a box. roxford5k is pickled with protocol 2 (numpy arrays through
    _codecs, numpy scalars in a list), rparis6k with protocol 5 (numpy's _frombuffer, bytearrays)."""
    import os
    import pickle
    import numpy as np
    from PIL import Image
    rng = np.random.default_rng(7)
    sizes = [(60, 45), (200, 150), (33, 70), (48, 48), (90, 64)]
    for dataset, protocol in (("roxford5k", 2), ("rparis6k", 5)):
        folder = os.path.join(root, dataset, "jpg")
        os.makedirs(folder, exist_ok=True)
        imlist, qimlist, gnd = [], [], []
        bases = [rng.integers(0, 256, (8, 8, 3)).astype(np.uint8) for _ in range(3)]
        views = {}
        for landmark, base in enumerate(bases):
            for v, (w, h) in enumerate(sizes):
                pattern = np.array(Image.fromarray(base).resize((w, h), Image.BICUBIC)).astype(np.int16)
                noise = rng.integers(-40 - 15 * v, 40 + 15 * v, (h, w, 3))
                name = f"{dataset}_{landmark}_{v}"
                Image.fromarray(np.clip(pattern + noise, 0, 255).astype(np.uint8)).save(
                    os.path.join(folder, name + ".jpg"), quality=90)
                views[(landmark, v)] = len(imlist)
                imlist.append(name)
        for landmark, base in enumerate(bases):
            name = f"{dataset}_query_{landmark}"
            Image.fromarray(np.array(Image.fromarray(base).resize((80, 60), Image.BICUBIC))).save(
                os.path.join(folder, name + ".jpg"), quality=95)
            qimlist.append(name)
            easy = [views[(landmark, 0)], views[(landmark, 3)]]
            hard = [views[(landmark, 2)], views[(landmark, 4)]]
            junk = [views[(landmark, 1)]]
            box = [5.5, 4.0, 70.5, 52.0]
            if protocol == 2:
                gnd.append({"easy": np.array(easy, dtype=np.int64), "hard": hard,
                            "junk": np.array(junk, dtype=np.int32), "bbx": [np.float64(v) for v in box]})
            else:
                gnd.append({"easy": np.array(easy), "hard": np.array(hard, dtype=np.uint16),
                            "junk": np.array(junk), "bbx": np.array(box)})
        with open(os.path.join(root, dataset, f"gnd_{dataset}.pkl"), "wb") as f:
            pickle.dump({"imlist": imlist, "qimlist": qimlist, "gnd": gnd}, f, protocol=protocol)


def write_copydays_set(root):
    """A small Copydays layout: six originals, strong copies (two of one original, and one that
    matches no original's prefix), a JPEG-quality and a crop block, distractors, and whitening
    images (more than the tiny backbone's 128 feature dimensions)."""
    import os
    import numpy as np
    from PIL import Image
    rng = np.random.default_rng(11)

    def picture(w, h):
        base = rng.integers(0, 256, (4, 5, 3)).astype(np.uint8)
        smooth = np.array(Image.fromarray(base).resize((w, h), Image.BICUBIC)).astype(np.int16)
        return Image.fromarray(np.clip(smooth + rng.integers(-20, 20, (h, w, 3)), 0, 255).astype(np.uint8))

    def folder(*parts):
        path = os.path.join(root, *parts)
        os.makedirs(path, exist_ok=True)
        return path

    originals = []
    for i in range(6):
        img = picture(64, 48)
        img.save(os.path.join(folder("copydays", "original"), f"a10{i}.jpg"), quality=95)
        originals.append(img)
        img.save(os.path.join(folder("copydays", "jpegqual", "50"), f"a10{i}.jpg"), quality=8)
        img.crop((12, 10, 52, 40)).save(os.path.join(folder("copydays", "crops", "50"), f"a10{i}.jpg"), quality=95)
    for name, source in (("a100_s1", 0), ("a100_s2", 0), ("a103_s1", 3), ("a105_s1", 5)):
        img = originals[source].rotate(8, resample=Image.BILINEAR).transpose(Image.FLIP_LEFT_RIGHT)
        img.save(os.path.join(folder("copydays", "strong"), name + ".jpg"), quality=60)
    picture(64, 48).save(os.path.join(folder("copydays", "strong"), "z999.jpg"), quality=90)
    for i in range(16):
        picture(50 + i, 40).save(os.path.join(folder("distractors"), f"d{i:02d}.png"))
    for i in range(150):
        picture(int(rng.integers(20, 48)), int(rng.integers(20, 48))).save(
            os.path.join(folder("whitening"), f"w{i:03d}.jpg"), quality=90)


def copydetect_check(weights, data, whitening, distractors, imsize, dumped=None):
    """eval_copy_detection.py written out: [CLS, GeM] of bicubic squares, whitening (utils.PCA with
    numpy's eigh in float32, the uncentred covariance), cosine top 20, the Holidays AP per block."""
    import os
    import numpy as np
    from PIL import Image
    vit = load_backbone_file(weights)
    mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)

    def features(paths):
        rows = []
        for path in paths:
            img = Image.open(path).convert("RGB").resize((imsize, imsize), Image.BICUBIC)
            x = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).reshape(imsize, imsize, 3)
            x = ((x.permute(2, 0, 1).float() / 255.0 - mean) / std).unsqueeze(0)
            with torch.no_grad():
                feats = vit.get_intermediate_layers(x, n=1)[0]
            h = w = imsize // vit.patch
            patches = feats[:, 1:, :].reshape(1, h, w, -1).clamp(min=1e-6).permute(0, 3, 1, 2)
            gem = F.avg_pool2d(patches.pow(4), (h, w)).pow(1.0 / 4).reshape(1, -1)
            rows.append(torch.cat((feats[:, 0, :], gem), dim=1))
        return torch.cat(rows)

    names = ["original", "strong"] + [f"jpegqual/{q}" for q in [3, 5, 8, 10, 15, 20, 30, 50, 75]] + \
            [f"crops/{p}" for p in [10, 15, 20, 30, 40, 50, 60, 70, 80]]
    blocks = [n for n in names if os.path.isdir(os.path.join(data, n))]
    listing = {n: sorted(f for f in os.listdir(os.path.join(data, n)) if f.endswith(".jpg")) for n in blocks}
    queries = torch.cat([features([os.path.join(data, n, f) for f in listing[n]]) for n in blocks])
    database = features([os.path.join(data, "original", f) for f in listing["original"]])
    database = torch.cat([database, features(sorted(os.path.join(distractors, f) for f in os.listdir(distractors)))])
    differences = {}
    if dumped:
        differences = {"queries_max_difference": max_difference(queries, dumped, "queries.npy"),
                       "database_max_difference": max_difference(database, dumped, "database.npy")}
    whit = features(sorted(os.path.join(whitening, f) for f in os.listdir(whitening)))
    mean_feature = whit.mean(dim=0)
    database, queries = database - mean_feature, queries - mean_feature
    cov = (whit.T @ whit / whit.shape[0]).numpy()
    d, v = np.linalg.eigh(cov)
    eps = d.max() * 1e-5
    d[d < eps] = eps
    idx = np.argsort(d)[::-1]
    dvt = torch.from_numpy(np.dot(np.diag(1.0 / d[idx] ** 0.5), v[:, idx].T)).float()
    database, queries = (dvt @ database.T).T, (dvt @ queries.T).T
    database, queries = F.normalize(database, dim=1), F.normalize(queries, dim=1)
    _, top = (queries @ database.T).topk(20, largest=True, sorted=True)
    result, row = {}, 0
    originals = listing["original"]
    for n in blocks:
        total = 0.0
        for qno, qname in enumerate(listing[n]):
            positives = [j for j, o in enumerate(originals) if o[:4] == qname[:4]] if n == "strong" else [qno]
            ranks = [r for r, b in enumerate(top[row].tolist()) if b in positives]
            total += average_precision(ranks, len(positives)) if positives else 0.0
            row += 1
        result[n] = total / len(listing[n])
    print(json.dumps({"blocks": result, **differences}))


def write_bad_revisited_set(root):
    """A ground truth whose first query names database image 99 of 3."""
    import os
    import pickle
    os.makedirs(os.path.join(root, "rbad", "jpg"), exist_ok=True)
    gnd = [{"easy": [0, 99], "hard": [1], "junk": [], "bbx": [0.0, 0.0, 8.0, 8.0]}]
    with open(os.path.join(root, "rbad", "gnd_rbad.pkl"), "wb") as f:
        pickle.dump({"imlist": ["a", "b", "c"], "qimlist": ["q"], "gnd": gnd}, f, protocol=4)


def pil_ops(image_path, directory):
    import numpy as np
    from PIL import Image, ImageEnhance, ImageFilter, ImageOps

    img = Image.open(image_path).convert("RGB")

    def hue(image, factor):
        # torchvision's adjust_hue on PIL images; uint8(factor * 255) truncates and wraps.
        h, s_, v = image.convert("HSV").split()
        shift = int(factor * 255) % 256
        h = Image.fromarray(((np.array(h, dtype=np.int64) + shift) % 256).astype(np.uint8), "L")
        return Image.merge("HSV", (h, s_, v)).convert("RGB")

    def thumbnail(image, side):
        # eval_image_retrieval.py's shrink, on a loaded image (Image.ANTIALIAS is Image.LANCZOS).
        return classic_thumbnail(image, side, Image.LANCZOS)

    ops = {
        "resize_bicubic_down": lambda: img.resize((37, 29), Image.BICUBIC),
        "resize_bilinear_down": lambda: img.resize((23, 41), Image.BILINEAR),
        "resize_bicubic_up": lambda: img.resize((150, 130), Image.BICUBIC),
        "crop_resize": lambda: img.crop((5, 7, 65, 52)).resize((32, 32), Image.BICUBIC),
        "brightness_0.6": lambda: ImageEnhance.Brightness(img).enhance(0.6),
        "brightness_1.4": lambda: ImageEnhance.Brightness(img).enhance(1.4),
        "contrast_0.6": lambda: ImageEnhance.Contrast(img).enhance(0.6),
        "contrast_1.4": lambda: ImageEnhance.Contrast(img).enhance(1.4),
        "saturation_0.8": lambda: ImageEnhance.Color(img).enhance(0.8),
        "saturation_1.2": lambda: ImageEnhance.Color(img).enhance(1.2),
        "hue_-0.1": lambda: hue(img, -0.1),
        "hue_0.07": lambda: hue(img, 0.07),
        "grayscale": lambda: img.convert("L").convert("RGB"),
        "blur_0.1": lambda: img.filter(ImageFilter.GaussianBlur(0.1)),
        "blur_0.7": lambda: img.filter(ImageFilter.GaussianBlur(0.7)),
        "blur_2.0": lambda: img.filter(ImageFilter.GaussianBlur(2.0)),
        "solarize": lambda: ImageOps.solarize(img, 128),
        "resize_lanczos_down": lambda: img.resize((41, 33), Image.LANCZOS),
        "reduce_3x2": lambda: img.reduce((3, 2)),
        "thumbnail_20": lambda: thumbnail(img, 20),
        "thumbnail_12": lambda: thumbnail(img, 12),
        "thumbnail_200": lambda: thumbnail(img, 200),
        "thumbnail_portrait_48": lambda: thumbnail(img.crop((0, 0, 33, 70)), 48),
    }
    for name, op in ops.items():
        op().save(f"{directory}/{name}.png")


def hue_all_colours(directory):
    """torchvision's PIL hue shift on a 4096 x 4096 image holding every 8-bit colour once (pixel i
    is (i >> 16, i >> 8 & 255, i & 255)), for factors -0.1 and 0.07, and the same image read as HSV
    converted to RGB (every (H, S, V) triple), as raw .npy files."""
    import numpy as np
    from PIL import Image

    i = np.arange(2 ** 24, dtype=np.uint32)
    colours = np.stack([(i >> 16) & 255, (i >> 8) & 255, i & 255], axis=1).astype(np.uint8).reshape(4096, 4096, 3)
    image = Image.fromarray(colours, "RGB")
    for factor in (-0.1, 0.07):
        h, s_, v = image.convert("HSV").split()
        shift = int(factor * 255) % 256
        h = Image.fromarray(((np.array(h, dtype=np.int64) + shift) % 256).astype(np.uint8), "L")
        np.save(f"{directory}/hue_{factor}.npy", np.asarray(Image.merge("HSV", (h, s_, v)).convert("RGB")))
    np.save(f"{directory}/hsv_to_rgb.npy", np.asarray(Image.frombytes("HSV", (4096, 4096), colours.tobytes()).convert("RGB")))


def write_test_jpegs(directory):
    """The same smooth, textured picture as JPEGs from Pillow's encoder in the chroma layouts and
    modes cameras and data sets use: 4:2:0, 4:2:2 and 4:4:4, progressive, and grey."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(5)
    noise = Image.fromarray(rng.integers(0, 256, (61, 83, 3), dtype=np.uint8), "RGB")
    picture = Image.blend(noise.filter(ImageFilter.GaussianBlur(2)), noise, 0.2)
    picture.save(f"{directory}/chroma-420.jpg", quality=90, subsampling=2)
    picture.save(f"{directory}/chroma-422.jpg", quality=90, subsampling=1)
    picture.save(f"{directory}/chroma-444.jpg", quality=95, subsampling=0)
    picture.save(f"{directory}/progressive.jpg", quality=85, progressive=True)
    picture.convert("L").save(f"{directory}/grey.jpg", quality=90)


def main():
    command = sys.argv[1]
    if command == "write-reference-files":
        write_reference_files(sys.argv[2])
    elif command == "check-our-checkpoint":
        check_our_checkpoint(sys.argv[2])
    elif command == "forward":
        forward(sys.argv[2], sys.argv[3])
    elif command == "write-cmyk-jpeg":
        from PIL import Image
        Image.new("CMYK", (24, 16), (10, 200, 30, 5)).save(sys.argv[2], "JPEG")
    elif command == "hue-all-colours":
        hue_all_colours(sys.argv[2])
    elif command == "write-test-jpegs":
        write_test_jpegs(sys.argv[2])
    elif command == "knn-check":
        knn_check(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]))
    elif command == "write-revisited-set":
        write_revisited_set(sys.argv[2])
    elif command == "write-copydays-set":
        write_copydays_set(sys.argv[2])
    elif command == "copydetect-check":
        copydetect_check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]),
                         sys.argv[7] if len(sys.argv) > 7 else None)
    elif command == "write-bad-revisited-set":
        write_bad_revisited_set(sys.argv[2])
    elif command == "retrieval-check":
        retrieval_check(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6] == "1",
                        sys.argv[7] == "1", sys.argv[8] if len(sys.argv) > 8 else None)
    elif command == "pil-ops":
        pil_ops(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
